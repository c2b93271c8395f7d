using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace DirectiveFlow.Web.Hosting;

public static class DataProtectionSetup
{
    /// <summary>
    /// The keys under the sign-in cookie and the antiforgery tokens, shared by every node through the database, and
    /// encrypted there with <c>DataProtection:CertificatePath</c> when it is set.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddValidatedOptions<KeyProtectionOptions>(configuration, KeyProtectionOptions.Section);
        var keys = services.AddDirectiveFlowSharedKeys();
        if (options.CertificatePath is { Length: > 0 } path)
        {
            var certificate = Load(path, options.CertificatePassword);
            // The certificate itself decrypts too (not only one found in the machine's store, which a container lacks).
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? certificate
                : throw new InvalidOperationException($"DataProtection:CertificatePath: '{path}' holds no private key, so the keys it encrypts could not be read back.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath: '{path}' cannot be read as a .pfx file with that password: {e.Message}", e);
        }
    }
}
