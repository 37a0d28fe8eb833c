using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using OpenAlmaty.Kindergarten.Web.Signatures;
using BcInteger = Org.BouncyCastle.Math.BigInteger;

namespace OpenAlmaty.Kindergarten.Bench;

/// The bench's GOST R 34.10-2015 (512) development CA, shaped as NCA's GOST intermediate: a GOST
/// key that signs GOST certificates, so a parent's chain check is a GOST check against the pinned
/// anchor's kept key, as with real keys (the demo CA of DemoKeys signs its GOST certificates with
/// RSA). Keys and signatures in NCA's encoding through the portal's own DemoGostKeys (X‖Y and
/// r‖s little-endian, Streebog-512). folder/gost-ca.crt is what the portal pins (Eds:TrustAnchors,
/// bench/run.sh); folder/gost-ca.key is the CA's private scalar, a throw-away development key like
/// ca.p12 beside it.
public sealed class GostCa
{
    public const string CertificateFile = "gost-ca.crt", KeyFile = "gost-ca.key";
    // NCA's GOST 34.10-2015-512 signature algorithm (Gost2015.SignatureOid, internal to the portal).
    private const string SignatureOid = "1.2.398.3.10.1.1.2.3.2";
    private const int FieldBytes = 64;
    private static readonly ECDomainParameters Curve = new(ECGost3410NamedCurves.GetByName("Tc26-Gost-3410-12-512-paramSetA"));
    private readonly DemoGostKeys.Key _ca;

    private GostCa(DemoGostKeys.Key ca) => _ca = ca;

    public static GostCa LoadOrCreate(string folder)
    {
        var certificatePath = Path.Combine(folder, CertificateFile);
        var keyPath = Path.Combine(folder, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
            return new GostCa(new DemoGostKeys.Key(X509CertificateLoader.LoadCertificateFromFile(certificatePath), File.ReadAllBytes(keyPath)));
        var (scalar, publicKey) = NewKey();
        var name = new X500DistinguishedName("CN=OpenAlmaty DEV GOST TEST CA, O=OpenAlmaty (development only), C=KZ");
        var request = new CertificateRequest(name, publicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        // Self-signed: Key.Sign reads only the scalar, so the certificate it is made for can follow.
        var ca = request.Create(name, new Generator(new DemoGostKeys.Key(null!, scalar).Sign, publicKey), from, from.AddYears(10), NewSerial());
        File.WriteAllBytes(keyPath, scalar);
        File.WriteAllText(certificatePath, ca.ExportCertificatePem());
        return new GostCa(new DemoGostKeys.Key(ca, scalar));
    }

    /// A person's two certificates, each for a new GOST key of its own (NCA issues two keys), and
    /// how NCALayer or eGov Mobile signs XML with them.
    public BenchKeys Issue(Func<PublicKey, CertificateRequest> authentication, Func<PublicKey, CertificateRequest> signing, DateTimeOffset from)
    {
        var auth = IssueOne(authentication, from);
        var sign = IssueOne(signing, from);
        return new BenchKeys(auth.Certificate, sign.Certificate, true,
            xml => NcaStyleXmlSigner.SignGost(xml, auth.Certificate, auth.Sign),
            xml => NcaStyleXmlSigner.SignGost(xml, sign.Certificate, sign.Sign));
    }

    public static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        return serial;
    }

    private DemoGostKeys.Key IssueOne(Func<PublicKey, CertificateRequest> makeRequest, DateTimeOffset from)
    {
        var (scalar, publicKey) = NewKey();
        var request = makeRequest(publicKey);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca.Certificate, true, false));
        var certificate = request.Create(_ca.Certificate.SubjectName, new Generator(_ca.Sign, _ca.Certificate.PublicKey), from, from.AddYears(1), NewSerial());
        return new DemoGostKeys.Key(certificate, scalar);
    }

    /// A new key on Tc26 512-A: the private scalar (big-endian, as DemoGostKeys.Key takes it) and
    /// the public key as NCA writes it.
    private static (byte[] Scalar, PublicKey Key) NewKey()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var q = ((ECPublicKeyParameters)pair.Public).Q.Normalize();
        byte[] xy = [.. Fixed(q.AffineXCoord.ToBigInteger(), true), .. Fixed(q.AffineYCoord.ToBigInteger(), true)];
        return (Fixed(((ECPrivateKeyParameters)pair.Private).D, false), DemoGostKeys.PublicKeyOf(xy));
    }

    private static byte[] Fixed(BcInteger value, bool littleEndian)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padded = new byte[FieldBytes];
        bytes.CopyTo(padded, FieldBytes - bytes.Length);
        if (littleEndian) Array.Reverse(padded);
        return padded;
    }

    /// Signs a certificate's to-be-signed bytes with the CA's GOST key (r‖s over Streebog-512).
    private sealed class Generator(Func<byte[], byte[]> sign, PublicKey key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence()) writer.WriteObjectIdentifier(SignatureOid);
            return writer.Encode();
        }

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => sign(data);

        protected override PublicKey BuildPublicKey() => key;
    }
}
