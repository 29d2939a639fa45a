using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.ServiceDefaults;

/// <summary>The folder that holds everything a standalone hub must keep across restarts.</summary>
public static class DataFolder
{
    public const string SettingName = "KnowledgeHub:DataPath";

    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingName];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateFiles.FolderMode);
        }

        return path;
    }
}
