using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Bench;

/// A person the bench signs in as: the names are written into the certificate exactly as the
/// people row has them, so that signing in renames nobody.
public sealed record BenchPerson(long PersonId, string Iin, string LastName, string FirstName, string? MiddleName);

/// A person's two NCA-shaped certificates (authentication for sign-in, signing for actions) and
/// how NCALayer or eGov Mobile signs XML with them. RSA: both certificates for the one bench key
/// (making 4,000 RSA keys would take minutes; issuing certificates takes seconds; the portal keeps
/// no per-key state for RSA). GOST-2015-512: a key of its own per certificate, as NCA issues them,
/// since the portal keeps a verifier object per GOST key and a shared key would always be "seen".
public sealed record BenchKeys(X509Certificate2 Authentication, X509Certificate2 Signing, bool Gost,
    Func<string, string> SignIn, Func<string, string> SignAction)
{
    public static BenchKeys Rsa(X509Certificate2 authentication, X509Certificate2 signing) => new(authentication, signing, false,
        xml => NcaStyleXmlSigner.SignRsa(xml, authentication), xml => NcaStyleXmlSigner.SignRsa(xml, signing));
}

/// Which keys the bench's parents carry: all RSA, or the mix of today (<see cref="TestCa.IssueAll"/>).
public enum KeyMix { Rsa, Mix }

/// The development test CAs that the portal trusts outside Production: the RSA one in DemoKeys'
/// shape (folder/ca.crt, trusted as DemoData:KeysFolder's CA, and folder/ca.p12), and the GOST-2015
/// one (<see cref="GostCa"/>, folder/gost-ca.crt, pinned through Eds:TrustAnchors by bench/run.sh),
/// loaded from the bench keys folder or made there.
public sealed class TestCa : IDisposable
{
    private const string Password = "Qwerty12";
    private const string IndividualOid = "1.2.398.3.3.4.1.1";
    private readonly X509Certificate2 _ca;
    private readonly GostCa _gost;
    private readonly RSA _key = RSA.Create(2048);
    private readonly DateTimeOffset _from = DateTimeOffset.UtcNow.AddDays(-1);

    private TestCa(X509Certificate2 ca, GostCa gost) => (_ca, _gost) = (ca, gost);

    public static TestCa LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        var gost = GostCa.LoadOrCreate(folder);
        var keyPath = Path.Combine(folder, "ca.p12");
        var certPath = Path.Combine(folder, "ca.crt");
        if (File.Exists(keyPath) && File.Exists(certPath))
            return new TestCa(X509CertificateLoader.LoadPkcs12FromFile(keyPath, Password, X509KeyStorageFlags.Exportable), gost);
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
        return new TestCa(ca, gost);
    }

    /// Issued on both cores: the CA's signature (and a GOST key's making) is the cost of each
    /// certificate. With <see cref="KeyMix.Mix"/> four parents in five (all but every fifth) get
    /// GOST-2015-512 keys from the GOST CA, the rest RSA: keys issued today are GOST-2015, the RSA
    /// ones are those not renewed yet (an assumption, not a statistic). 512-bit, because that is
    /// NCALayer's GOST-2015 XML method and the only GOST one the portal's XML profile accepts.
    public Dictionary<string, BenchKeys> IssueAll(IReadOnlyList<BenchPerson> people, KeyMix mix = KeyMix.Rsa)
    {
        var issued = new BenchKeys[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => issued[i] = mix == KeyMix.Mix && i % 5 != 0
                ? _gost.Issue(key => Request(people[i], true, key), key => Request(people[i], false, key), _from)
                : BenchKeys.Rsa(Issue(people[i], true), Issue(people[i], false)));
        return people.Select((p, i) => (p.Iin, issued[i])).ToDictionary(x => x.Iin, x => x.Item2);
    }

    private X509Certificate2 Issue(BenchPerson person, bool authentication)
    {
        var request = Request(person, authentication, new PublicKey(_key));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        using var certificate = request.Create(_ca, _from, _from.AddYears(1), GostCa.NewSerial());
        return certificate.CopyWithPrivateKey(_key);
    }

    /// The person's certificate request as NCA shapes it, for an RSA or a GOST public key (the
    /// issuer adds its authority key identifier).
    private static CertificateRequest Request(BenchPerson person, bool authentication, PublicKey key)
    {
        var request = new CertificateRequest(SubjectOf(person), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(authentication
            ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(authentication ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.4"), new Oid(IndividualOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
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
