using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Org.BouncyCastle.Crypto;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// A throw-away GOST R 34.10-2015 CA and signer in NCA's encoding (512-bit by default, or the
/// 256-bit key on Tc26 256-A), in memory only, so a single GOST signature can go through the
/// whole contract (the vectors carry two signatures).
public sealed class GostTestPki
{
    private static readonly X500DistinguishedName CaName = new("CN=OpenAlmaty GOST TEST CA, C=KZ");
    private readonly GostCurve curve;
    private readonly AsymmetricCipherKeyPair caKey;
    private readonly AsymmetricCipherKeyPair signerKey;
    private long serial = 2;

    public GostTestPki(bool bits256 = false)
    {
        curve = bits256 ? GostCurve.Tc26_256A : GostCurve.Tc26_512A;
        caKey = GostTestKeys.NewKey(curve);
        signerKey = GostTestKeys.NewKey(curve);
        var ca = new CertificateRequest(CaName, PublicKeyOf(caKey), new HashAlgorithmName("STREEBOG512"));
        ca.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        Ca = ca.Create(CaName, new Generator(this, caKey), TestPki.Now.AddYears(-5), TestPki.Now.AddYears(5), [1]);
        Authentication = Issue(signerKey);
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Authentication { get; }

    /// An authentication certificate for a new key of the same person (a first-time signer).
    public (X509Certificate2 Certificate, Func<byte[], byte[]> Sign) NewSigner()
    {
        var key = GostTestKeys.NewKey(curve);
        return (Issue(key), data => Gost(key, data));
    }

    /// r‖s by the signer's key over Streebog(data) of the key's size.
    public byte[] SignData(byte[] data) => Gost(signerKey, data);

    private X509Certificate2 Issue(AsymmetricCipherKeyPair key)
    {
        var subject = new X500DistinguishedName($"CN=АХМЕТОВ АЙДАР, SN=АХМЕТОВ, SERIALNUMBER=IIN{TestPki.RealIin}, C=KZ, G=СЕРИКОВИЧ");
        var request = new CertificateRequest(subject, PublicKeyOf(key), new HashAlgorithmName("STREEBOG512"));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TestPki.ClientAuth)], false));
        // Two bytes, the first 1–127: a minimal positive DER INTEGER, unique for 32,000 signers.
        var next = Interlocked.Increment(ref serial);
        byte[] number = [(byte)(1 + next / 256 % 127), (byte)next];
        return request.Create(CaName, new Generator(this, caKey), TestPki.Now.AddMonths(-6), TestPki.Now.AddMonths(6), number);
    }

    /// Signs as NCALayer does with a GOST-2015 key: enveloped, the two transforms, Streebog-512.
    public string Sign(string xml) => Sign(xml, Authentication, data => Gost(signerKey, data));

    public static string Sign(string xml, X509Certificate2 certificate, Func<byte[], byte[]> sign) =>
        NcaStyleXmlSigner.SignGost(xml, certificate, sign);

    private bool Is256 => curve == GostCurve.Tc26_256A;

    private byte[] Gost(AsymmetricCipherKeyPair key, byte[] data) =>
        GostTestKeys.Sign(curve, key, Is256 ? Gost2015.Hash256(data) : Gost2015.Hash(data));

    // NCA's key OIDs and parameter sets: 1.2.398.3.10.1.1.2.2(.1) for 512 bits, …2.1(.1) for 256.
    private PublicKey PublicKeyOf(AsymmetricCipherKeyPair key)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(GostTestKeys.Encode(curve, key.Public));
        var oid = Is256 ? Gost2015.PublicKey256Oid : Gost2015.PublicKeyOid;
        var parameters = new AsnWriter(AsnEncodingRules.DER);
        using (parameters.PushSequence())
        {
            parameters.WriteObjectIdentifier(oid + ".1");
            parameters.WriteObjectIdentifier(Is256 ? "1.2.398.3.10.1.3.2" : "1.2.398.3.10.1.3.3");
        }
        return new PublicKey(new Oid(oid), new AsnEncodedData(parameters.Encode()), new AsnEncodedData(writer.Encode()));
    }

    private sealed class Generator(GostTestPki pki, AsymmetricCipherKeyPair key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence()) writer.WriteObjectIdentifier(pki.Is256 ? Gost2015.Signature256Oid : Gost2015.SignatureOid);
            return writer.Encode();
        }

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => pki.Gost(key, data);

        protected override PublicKey BuildPublicKey() => pki.PublicKeyOf(key);
    }
}
