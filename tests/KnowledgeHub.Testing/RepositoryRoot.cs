namespace KnowledgeHub.Testing;

/// <summary>The checkout the tests run from: the folder holding KnowledgeHub.sln above the test output.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    /// <summary>A file or folder of the repository by its path relative to the root ('/'-separated).</summary>
    public static string Of(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "KnowledgeHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KnowledgeHub.sln not found above the test output.");
    }
}
