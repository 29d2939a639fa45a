using Xunit;

namespace KnowledgeHub.Testing;

/// <summary>
/// Removes the data folder of a test hub that <see cref="HostDisposal"/> has seen disposed. Waiting for the
/// host's services was not the whole of it: in one CI run after HostDisposal (6 December 2026, the end-to-end
/// suite's rate-limit test) a file still arrived in the folder while it was being deleted, from a writer not
/// yet identified. The delete is tried again for up to five seconds, and the test's output names what was
/// left the first time, so the writer can be found.
/// </summary>
public static class HubDataFolder
{
    private const int Attempts = 25;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < Attempts)
            {
                if (attempt == 1)
                {
                    TestContext.Current.SendDiagnosticMessage($"Written into {path} after its hub was disposed: {string.Join(", ", Remaining(path))}.");
                }

                await Task.Delay(Pause);
            }
        }
    }

    private static IEnumerable<string> Remaining(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories).Select(entry => Path.GetRelativePath(path, entry)).ToList()
            : [];
}
