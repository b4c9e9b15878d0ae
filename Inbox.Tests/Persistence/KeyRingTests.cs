using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Inbox.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Persistence;

/// <summary>Where the key ring is written and whether it is encrypted, as an operator configures it.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Register_Defaults_KeepsTheRingBesideTheDatabaseUnencryptedAndSaysSo()
    {
        var (ring, keyXml) = Protect(new());

        Assert.Equal(Path.Combine(folder, "data", "keys"), ring.Folder);
        Assert.Contains("<masterKey", keyXml);
        Assert.Equal(2, ring.Warnings().Count);
        Assert.Contains(ring.Warnings(), w => w.Contains("Inbox:DataProtection:KeysPath"));
        Assert.Contains(ring.Warnings(), w => w.Contains("Inbox:DataProtection:CertificatePath"));
    }

    [Fact]
    public void Register_KeysPathAndCertificate_WritesAnEncryptedRingApartWithNoWarning()
    {
        var pfx = Path.Combine(folder, "ring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Inbox key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        }

        var (ring, keyXml) = Protect(new()
        {
            ["Inbox:DataProtection:KeysPath"] = Path.Combine(folder, "secrets", "keys"),
            ["Inbox:DataProtection:CertificatePath"] = pfx,
            ["Inbox:DataProtection:CertificatePassword"] = "pfx-pass",
        });

        Assert.Equal(Path.Combine(folder, "secrets", "keys"), ring.Folder);
        Assert.Contains("<encryptedSecret", keyXml);
        Assert.DoesNotContain("<masterKey", keyXml);
        Assert.Empty(ring.Warnings());
    }

    [Fact]
    public void Register_CertificateFileMissing_StopsWithTheSettingNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Protect(new() { ["Inbox:DataProtection:CertificatePath"] = Path.Combine(folder, "missing.pfx") }));

        Assert.Contains("Inbox:DataProtection:CertificatePath", error.Message);
    }

    /// <summary>Protects one value, so a key is written, and returns the ring and the key file's text.</summary>
    private (KeyRing Ring, string KeyXml) Protect(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        var ring = KeyRing.Register(services, configuration, Path.Combine(folder, "data"), folder);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("channel token");
        var key = Directory.GetFiles(ring.Folder!, "key-*.xml").Single();
        return (ring, File.ReadAllText(key));
    }
}
