namespace KnowledgeHub.Testing;

/// <summary>A test hub's data folder, removed when the hub is done.</summary>
public static class ScratchFolder
{
    // A hub disposed soon after it started has had a Lucene generation folder appear in its data
    // folder during this delete (an index opened after the host stopped; cause not yet found, seen
    // in the end-to-end and security suites). Cleaning up scratch space retries rather than failing a test.
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
