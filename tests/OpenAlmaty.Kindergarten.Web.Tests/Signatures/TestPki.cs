using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// A throw-away CA and NCA-shaped people's certificates, made in memory for each test run:
/// no private key is ever written to disk or committed.
public sealed class TestPki : IDisposable
{
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";
    public const string Individual = "1.2.398.3.3.4.1.1";
    /// A legal entity's employee (NCA: 1.2.398.3.3.4.1.2.x).
    public const string LegalEntityEmployee = "1.2.398.3.3.4.1.2.5";

    // 900101300017 has a valid check digit: born 1990-01-01, male.
    public const string RealIin = "900101300017";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly RSA caKey = RSA.Create(2048);

    public TestPki(string name = "OpenAlmaty TEST CA")
    {
        var request = new CertificateRequest($"CN={name}, C=KZ", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(5));
    }

    public X509Certificate2 Ca { get; }

    /// For signing test CRLs and OCSP responses in memory.
    internal RSA CaKey => caKey;

    public X509Certificate2 Authentication(string iin = RealIin, string? bin = null) =>
        Issue(iin, bin, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, ClientAuth);

    public X509Certificate2 Signing(string iin = RealIin, string? bin = null) =>
        Issue(iin, bin, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, EmailProtection);

    /// <paramref name="subject"/> replaces the NCA-shaped subject; <paramref name="extend"/> adds
    /// extensions (a hostile client's CA:TRUE, say).
    public X509Certificate2 Issue(string iin, string? bin, X509KeyUsageFlags usage, string purposeOid,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? subject = null,
        Action<CertificateRequest>? extend = null, string? kindOid = null)
    {
        using var key = RSA.Create(2048);
        var organisation = bin is null ? "" : $", O=ТОО \"ТЕСТ\", OU=BIN{bin}";
        subject ??= $"CN=АХМЕТОВ АЙДАР, SN=АХМЕТОВ, SERIALNUMBER=IIN{iin}, C=KZ, G=СЕРИКОВИЧ{organisation}";
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(purposeOid), new Oid(kindOid ?? Individual)], false));
        extend?.Invoke(request);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Ca, notBefore ?? Now.AddMonths(-6), notAfter ?? Now.AddMonths(6), serial);
        return issued.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        caKey.Dispose();
        Ca.Dispose();
    }
}
