using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Persistence;

/// <summary>The Data Protection key ring as configured: its folder, and whether a certificate encrypts it.</summary>
public sealed record KeyRing(string? Folder, bool BesideDatabase, bool Encrypted)
{
    /// <summary>Registers Data Protection with the key ring <paramref name="configuration"/> asks for.</summary>
    public static KeyRing Register(IServiceCollection services, IConfiguration configuration, string? dataFolder, string contentRoot)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var besideDatabase = string.IsNullOrWhiteSpace(options.KeysPath);
        var folder = besideDatabase ? (dataFolder is null ? null : Path.Combine(dataFolder, "keys")) : Path.GetFullPath(options.KeysPath, contentRoot);
        var dataProtection = services.AddDataProtection().SetApplicationName("Inbox");
        if (folder is not null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        var encrypted = !string.IsNullOrWhiteSpace(options.CertificatePath);
        if (encrypted)
        {
            var path = Path.GetFullPath(options.CertificatePath, contentRoot);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{KeyRingOptions.Section}:CertificatePath names {path}, which does not exist. Give the path of a .pfx file, or leave the setting empty.");
            }

            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                path, string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet));
        }

        var ring = new KeyRing(folder, besideDatabase, encrypted);
        services.AddSingleton(ring);
        return ring;
    }

    /// <summary>What an operator should change, said once at start-up; empty when the ring is kept apart and encrypted.</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (Folder is not null && BesideDatabase)
        {
            warnings.Add($"The Data Protection key ring is kept beside the database ({Folder}): one copy of the data folder gives away every channel token. Set {KeyRingOptions.Section}:KeysPath to a folder kept apart.");
        }

        if (Folder is not null && !Encrypted)
        {
            warnings.Add($"The Data Protection key ring is stored unencrypted. Set {KeyRingOptions.Section}:CertificatePath (and CertificatePassword) to a .pfx certificate to encrypt it.");
        }

        return warnings;
    }
}
