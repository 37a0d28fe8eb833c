using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Development keys shaped like NCA RK's: a test CA ("OpenAlmaty DEV TEST CA", folder/ca.crt)
/// and, for each demo user, AUTH_RSA_&lt;key&gt;.p12 (sign-in) and RSA_&lt;key&gt;.p12 (signing), and
/// the same pair with a GOST R 34.10-2015 (512) key, AUTH_GOST_&lt;key&gt;.p12 and GOST_&lt;key&gt;.p12
/// (<see cref="DemoGostKeys"/>), all protected with <see cref="DemoUsers.KeyPassword"/>. Made at run time, never committed; the
/// test CA is trusted only when Eds:TrustDevelopmentCa is set (see <see cref="TrustedFolderAnchor"/>).
/// The CA's private key lives only in memory while the keys are made: whoever can read the
/// folder cannot issue a certificate for another IIN. When a key is missing, every key is made
/// again under a new CA.
public static class DemoKeys
{
    public const string CaFile = "ca.crt";
    // Kept by earlier versions next to the keys; removed on sight.
    private const string LegacyCaKeyFile = "ca.p12";
    private const string IndividualOid = "1.2.398.3.3.4.1.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";

    public static string AuthenticationFile(string folder, DemoUser user) => Path.Combine(folder, $"AUTH_RSA_{user.Key}.p12");

    public static string SigningFile(string folder, DemoUser user) => Path.Combine(folder, $"RSA_{user.Key}.p12");

    public static string GostAuthenticationFile(string folder, DemoUser user) => Path.Combine(folder, $"AUTH_GOST_{user.Key}.p12");

    public static string GostSigningFile(string folder, DemoUser user) => Path.Combine(folder, $"GOST_{user.Key}.p12");

    /// The test CA's certificate when the folder has one and Eds:TrustDevelopmentCa is set
    /// (never in Production: the start-up checks refuse the setting there).
    public static string? TrustedFolderAnchor(IConfiguration config, IHostEnvironment env)
    {
        if (!config.GetValue("Eds:TrustDevelopmentCa", false) || env.IsProduction()) return null;
        var path = Path.Combine(config["DemoData:KeysFolder"] ?? ".data/demo-keys", CaFile);
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    public static Task EnsureAsync(string folder, IEnumerable<DemoUser> users) => EnsureAsync(folder, users, null);

    /// <paramref name="validFrom"/>: tests that run on a fixed clock pass a moment before it.
    public static async Task EnsureAsync(string folder, IEnumerable<DemoUser> users, DateTimeOffset? validFrom)
    {
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, LegacyCaKeyFile));
        var from = validFrom ?? DateTimeOffset.UtcNow.AddDays(-1);
        var files = users.SelectMany(u => new (DemoUser User, string Path, bool Authentication, bool Gost)[]
        {
            (u, AuthenticationFile(folder, u), true, false), (u, SigningFile(folder, u), false, false),
            (u, GostAuthenticationFile(folder, u), true, true), (u, GostSigningFile(folder, u), false, true),
        }).ToList();
        var caPath = Path.Combine(folder, CaFile);
        if (File.Exists(caPath) && files.All(f => File.Exists(f.Path))) return;

        // The certificate is written last: a folder with ca.crt is a complete set.
        File.Delete(caPath);
        foreach (var stale in Directory.GetFiles(folder, "*.p12")) File.Delete(stale);
        using var ca = CreateCa(from);
        foreach (var (user, path, authentication, gost) in files)
        {
            if (gost)
            {
                await WriteBytesAsync(path, DemoGostKeys.Create(key => IssueFor(ca, user, from, authentication, key), DemoUsers.KeyPassword));
                continue;
            }
            using var issued = Issue(ca, user, from, authentication);
            await WriteAsync(path, issued);
        }
        await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem());
    }

    public static X509Certificate2 Load(string path) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, DemoUsers.KeyPassword, X509KeyStorageFlags.Exportable);

    private static X509Certificate2 CreateCa(DateTimeOffset from)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=OpenAlmaty DEV TEST CA, O=OpenAlmaty (development only), C=KZ",
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(from, from.AddYears(10));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, DemoUser user, DateTimeOffset from, bool authentication)
    {
        using var key = RSA.Create(2048);
        using var issued = IssueFor(ca, user, from, authentication, PublicKey.CreateFromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _));
        return issued.CopyWithPrivateKey(key);
    }

    /// The person's certificate for any public key (RSA or GOST), signed by the development CA.
    private static X509Certificate2 IssueFor(X509Certificate2 ca, DemoUser user, DateTimeOffset from, bool authentication, PublicKey key)
    {
        var request = new CertificateRequest(SubjectOf(user), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(authentication
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(authentication ? ClientAuthOid : EmailProtectionOid), new Oid(IndividualOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        // The generator overload: Create(ca, …) refuses a subject key of another algorithm (GOST).
        using var caKey = ca.GetRSAPrivateKey()!;
        return request.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), from, from.AddYears(3), serial);
    }

    /// As NCA writes it: CN = "SURNAME NAME", SURNAME, SERIALNUMBER = IIN…, C, G = patronymic.
    private static X500DistinguishedName SubjectOf(DemoUser user)
    {
        var b = new X500DistinguishedNameBuilder();
        b.AddCommonName($"{user.LastName} {user.FirstName}");
        b.Add("2.5.4.4", user.LastName);
        b.Add("2.5.4.5", "IIN" + user.Iin, UniversalTagNumber.PrintableString);
        b.AddCountryOrRegion("KZ");
        if (user.MiddleName is { } middle) b.Add("2.5.4.42", middle);
        return b.Build();
    }

    private static async Task WriteAsync(string path, X509Certificate2 withKey)
    {
        // NCA's key files use the PKCS#12 SHA-1/3DES scheme; node-forge in the page opens it.
        await WriteBytesAsync(path, withKey.ExportPkcs12(Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1, DemoUsers.KeyPassword));
    }

    private static async Task WriteBytesAsync(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
