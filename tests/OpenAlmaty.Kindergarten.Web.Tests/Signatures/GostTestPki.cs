using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// A throw-away GOST R 34.10-2015 (512) CA and signer in NCA's encoding, in memory only, so a
/// single GOST signature can go through the whole contract (the vectors carry two signatures).
public sealed class GostTestPki
{
    private static readonly ECDomainParameters Curve = new(ECGost3410NamedCurves.GetByName("Tc26-Gost-3410-12-512-paramSetA"));
    private readonly AsymmetricCipherKeyPair caKey = NewKey();
    private readonly AsymmetricCipherKeyPair signerKey = NewKey();

    public GostTestPki()
    {
        var caName = new X500DistinguishedName("CN=OpenAlmaty GOST TEST CA, C=KZ");
        var ca = new CertificateRequest(caName, PublicKeyOf(caKey), new HashAlgorithmName("STREEBOG512"));
        ca.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        Ca = ca.Create(caName, new Generator(caKey), TestPki.Now.AddYears(-5), TestPki.Now.AddYears(5), [1]);
        var subject = new X500DistinguishedName($"CN=АХМЕТОВ АЙДАР, SN=АХМЕТОВ, SERIALNUMBER=IIN{TestPki.RealIin}, C=KZ, G=СЕРИКОВИЧ");
        var request = new CertificateRequest(subject, PublicKeyOf(signerKey), new HashAlgorithmName("STREEBOG512"));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TestPki.ClientAuth)], false));
        Authentication = request.Create(caName, new Generator(caKey), TestPki.Now.AddMonths(-6), TestPki.Now.AddMonths(6), [2]);
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Authentication { get; }

    /// Signs as NCALayer does with a GOST-2015 key: enveloped, the two transforms, Streebog-512.
    public string Sign(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var c14n = new XmlDsigC14NWithCommentsTransform();
        c14n.LoadInput(document);
        var digest = Gost2015.Hash(((MemoryStream)c14n.GetOutput(typeof(Stream))).ToArray());
        var fragment = new XmlDocument { PreserveWhitespace = true };
        fragment.LoadXml($"""
            <ds:Signature xmlns:ds="{SignedXml.XmlDsigNamespaceUrl}">
            <ds:SignedInfo>
            <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
            <ds:SignatureMethod Algorithm="{Gost2015.XmlSignatureMethod}"/>
            <ds:Reference URI="">
            <ds:Transforms>
            <ds:Transform Algorithm="{NcaXmlSigner.Enveloped}"/>
            <ds:Transform Algorithm="{NcaXmlSigner.C14nWithComments}"/>
            </ds:Transforms>
            <ds:DigestMethod Algorithm="{Gost2015.XmlDigestMethod}"/>
            <ds:DigestValue>{Convert.ToBase64String(digest)}</ds:DigestValue>
            </ds:Reference>
            </ds:SignedInfo>
            <ds:SignatureValue></ds:SignatureValue>
            <ds:KeyInfo><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(Authentication.RawData)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
            </ds:Signature>
            """);
        var signature = (XmlElement)document.ImportNode(fragment.DocumentElement!, true);
        document.DocumentElement!.AppendChild(signature);
        var signedInfo = (XmlElement)signature.GetElementsByTagName("SignedInfo", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var value = Gost(signerKey, XmlDsigMath.CanonicalSignedInfo(signedInfo));
        signature.GetElementsByTagName("SignatureValue", SignedXml.XmlDsigNamespaceUrl)[0]!.InnerText = Convert.ToBase64String(value);
        return document.OuterXml;
    }

    private static AsymmetricCipherKeyPair NewKey()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    private static byte[] Gost(AsymmetricCipherKeyPair key, byte[] data)
    {
        var signer = new ECGost3410Signer();
        signer.Init(true, key.Private);
        var rs = signer.GenerateSignature(Gost2015.Hash(data));
        return [.. LittleEndian(rs[0]), .. LittleEndian(rs[1])];
    }

    private static byte[] LittleEndian(Org.BouncyCastle.Math.BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padded = new byte[64];
        bytes.CopyTo(padded, 64 - bytes.Length);
        Array.Reverse(padded);
        return padded;
    }

    private static PublicKey PublicKeyOf(AsymmetricCipherKeyPair key)
    {
        var point = ((ECPublicKeyParameters)key.Public).Q.Normalize();
        byte[] xy = [.. LittleEndian(point.AffineXCoord.ToBigInteger()), .. LittleEndian(point.AffineYCoord.ToBigInteger())];
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(xy);
        var parameters = new AsnWriter(AsnEncodingRules.DER);
        using (parameters.PushSequence())
        {
            parameters.WriteObjectIdentifier("1.2.398.3.10.1.1.2.2.1");
            parameters.WriteObjectIdentifier("1.2.398.3.10.1.3.3");
        }
        return new PublicKey(new Oid(Gost2015.PublicKeyOid), new AsnEncodedData(parameters.Encode()), new AsnEncodedData(writer.Encode()));
    }

    private sealed class Generator(AsymmetricCipherKeyPair key) : X509SignatureGenerator
    {
        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence()) writer.WriteObjectIdentifier(Gost2015.SignatureOid);
            return writer.Encode();
        }

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => Gost(key, data);

        protected override PublicKey BuildPublicKey() => PublicKeyOf(key);
    }
}
