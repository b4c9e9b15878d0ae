namespace Inbox.Core.Persistence;

/// <summary>
/// Where the Data Protection key ring lives and how it is protected at rest (<c>Inbox:DataProtection</c>). The ring
/// decrypts channel tokens, sign-in cookies and antiforgery tokens: whoever holds a copy of it and of the database holds
/// every channel's token, so production keeps it apart from the database and, ideally, encrypted with a certificate.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "Inbox:DataProtection";

    /// <summary>The key ring's folder; empty: <c>keys/</c> beside the database file.</summary>
    public string KeysPath { get; set; } = "";

    /// <summary>A PKCS#12 (.pfx) certificate whose key encrypts the key ring; empty: the ring is stored unencrypted.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The certificate file's password.</summary>
    public string CertificatePassword { get; set; } = "";
}
