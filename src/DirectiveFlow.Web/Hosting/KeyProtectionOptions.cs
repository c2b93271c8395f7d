namespace DirectiveFlow.Web.Hosting;

/// <summary>
/// The "DataProtection" section: a certificate that encrypts the data-protection keys where they are stored (the
/// database's <c>DataProtectionKeys</c>). Without it the keys are stored as ASP.NET Core writes them, in clear.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the private key, the same on every node, e.g. <c>/run/secrets/keys.pfx</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (from a secret store).</summary>
    public string? CertificatePassword { get; set; }
}
