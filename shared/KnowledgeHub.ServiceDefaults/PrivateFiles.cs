using System.Runtime.InteropServices;

namespace KnowledgeHub.ServiceDefaults;

/// <summary>
/// Everything a hub process writes (databases, index, signing key) is its own: files 0600 and
/// folders 0700, whatever the umask of the shell or container that started it.
/// </summary>
internal static class PrivateFiles
{
    private const uint OwnerOnly = 0b000_111_111; // umask 077: no group or other bits

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void ForThisProcess()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetUmask(OwnerOnly);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
}
