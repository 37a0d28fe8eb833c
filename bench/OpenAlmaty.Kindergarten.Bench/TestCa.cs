using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAlmaty.Kindergarten.Bench;

/// A person the bench signs in as: the names are written into the certificate exactly as the
/// people row has them, so that signing in renames nobody.
public sealed record BenchPerson(long PersonId, string Iin, string LastName, string FirstName, string? MiddleName);

/// A person's two NCA-shaped certificates (AUTH_RSA for sign-in, RSA for signing), both for the
/// one bench key: making 4,000 RSA keys would take minutes; issuing certificates takes seconds.
public sealed record BenchKeys(X509Certificate2 Authentication, X509Certificate2 Signing);

/// The development test CA that the portal trusts outside Production (DemoKeys' shape:
/// folder/ca.crt and folder/ca.p12), loaded from the bench keys folder or made there.
public sealed class TestCa : IDisposable
{
    private const string Password = "Qwerty12";
    private const string IndividualOid = "1.2.398.3.3.4.1.1";
    private readonly X509Certificate2 _ca;
    private readonly RSA _key = RSA.Create(2048);
    private readonly DateTimeOffset _from = DateTimeOffset.UtcNow.AddDays(-1);

    private TestCa(X509Certificate2 ca) => _ca = ca;

    public static TestCa LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        var keyPath = Path.Combine(folder, "ca.p12");
        var certPath = Path.Combine(folder, "ca.crt");
        if (File.Exists(keyPath) && File.Exists(certPath))
            return new TestCa(X509CertificateLoader.LoadPkcs12FromFile(keyPath, Password, X509KeyStorageFlags.Exportable));
        using var key = RSA.Create(3072);
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        var request = new CertificateRequest("CN=OpenAlmaty DEV TEST CA, O=OpenAlmaty (development only), C=KZ",
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var ca = request.CreateSelfSigned(from, from.AddYears(10));
        File.WriteAllText(certPath, ca.ExportCertificatePem());
        File.WriteAllBytes(keyPath, ca.ExportPkcs12(Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1, Password));
        return new TestCa(ca);
    }

    /// Issued on both cores: the CA's 3072-bit signature is the cost of each certificate.
    public Dictionary<string, BenchKeys> IssueAll(IReadOnlyList<BenchPerson> people)
    {
        var issued = new BenchKeys[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => issued[i] = new BenchKeys(Issue(people[i], true), Issue(people[i], false)));
        return people.Select((p, i) => (p.Iin, issued[i])).ToDictionary(x => x.Iin, x => x.Item2);
    }

    private X509Certificate2 Issue(BenchPerson person, bool authentication)
    {
        var request = new CertificateRequest(SubjectOf(person), _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(authentication
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(authentication ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.4"), new Oid(IndividualOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var certificate = request.Create(_ca, _from, _from.AddYears(1), serial);
        return certificate.CopyWithPrivateKey(_key);
    }

    /// As NCA writes it: CN = "SURNAME NAME", SURNAME, SERIALNUMBER = IIN…, C, G = patronymic.
    private static X500DistinguishedName SubjectOf(BenchPerson person)
    {
        var b = new X500DistinguishedNameBuilder();
        b.AddCommonName($"{person.LastName} {person.FirstName}");
        b.Add("2.5.4.4", person.LastName);
        b.Add("2.5.4.5", "IIN" + person.Iin, UniversalTagNumber.PrintableString);
        b.AddCountryOrRegion("KZ");
        if (person.MiddleName is { } middle) b.Add("2.5.4.42", middle);
        return b.Build();
    }

    public void Dispose()
    {
        _ca.Dispose();
        _key.Dispose();
    }
}
