using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// The RSA key that signs dev sign-in tokens. Generated once and kept as PEM in the data folder, so
/// tokens survive a restart; services that run elsewhere fetch its public half from the gateway's
/// JWKS instead of sharing the file.
/// </summary>
public sealed class DevSigningKey
{
    private DevSigningKey(RsaSecurityKey key) => Key = key;

    public RsaSecurityKey Key { get; }

    public string KeyId => Key.KeyId;

    public static DevSigningKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WritePrivately(path, rsa.ExportRSAPrivateKeyPem());
        }

        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new DevSigningKey(key);
    }

    private static void WritePrivately(string path, string pem)
    {
        // Write to a temporary file first so that two processes starting together never read half a key.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(pem);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
