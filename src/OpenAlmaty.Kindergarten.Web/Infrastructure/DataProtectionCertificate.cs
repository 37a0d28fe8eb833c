using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// The certificate that encrypts the data-protection keys at rest in PostgreSQL: with read
/// access to the database alone one cannot forge a cookie (issue 17, case 12). Production names
/// a PFX in DataProtection:CertificateFile (password DataProtection:CertificatePassword); outside
/// Production a missing file is made once, and with no setting at all a certificate lives in
/// memory for the run.
public static class DataProtectionCertificate
{
    public static IDataProtectionBuilder ProtectKeys(this IDataProtectionBuilder builder, IConfiguration config, IHostEnvironment env)
    {
        var certificate = Load(config, env);
        // Production without a file: StartupChecks stops the start with its line.
        if (certificate is null) return builder;
        // Decryption looks in the OS store by thumbprint unless told which certificate to use.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2? Load(IConfiguration config, IHostEnvironment env)
    {
        var file = config["DataProtection:CertificateFile"];
        var password = config["DataProtection:CertificatePassword"];
        if (string.IsNullOrWhiteSpace(file)) return env.IsProduction() ? null : Create();
        var path = Path.GetFullPath(file);
        if (!File.Exists(path) && !env.IsProduction())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var made = Create();
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, made.Export(X509ContentType.Pfx, password));
            // Two instances starting at once: the first file wins, the other instance reads it.
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) { File.Delete(temp); }
        }
        // Production with a missing file: StartupChecks stops the start with its line.
        if (!File.Exists(path)) return null;
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenAlmaty data-protection (development)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
