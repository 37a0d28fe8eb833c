using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using BcInteger = Org.BouncyCastle.Math.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The demo people's GOST R 34.10-2015 (512) key files, next to their RSA ones: the key in NCA's
/// encoding (OID 1.2.398.3.10.1.1.2.2, Tc26 512-A, X‖Y little-endian), the certificate issued by
/// the development CA. .NET cannot hold a GOST private key, so the PKCS#12 is assembled here
/// and <see cref="Open"/> reads it back for the development phone and the tests; whether
/// NCALayer (Kalkan) opens these files was not tried (docs/decisions/0014).
public static class DemoGostKeys
{
    private const string ParameterSet = Gost2015.PublicKeyOid + ".1";
    private static readonly GostCurve Curve = GostCurve.Tc26_512A;

    public sealed record Key(X509Certificate2 Certificate, byte[] PrivateScalar)
    {
        /// r‖s (little-endian halves) over Streebog-512 of <paramref name="data"/>.
        public byte[] Sign(byte[] data)
        {
            var signer = new ECGost3410Signer();
            signer.Init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BcInteger(1, PrivateScalar), Curve.Domain), new SecureRandom()));
            var rs = signer.GenerateSignature(Gost2015.Hash(data));
            return [.. LittleEndian(rs[0]), .. LittleEndian(rs[1])];
        }
    }

    /// A PKCS#12 (password-protected, SHA-1/3DES like NCA's files) holding a new GOST key and its
    /// certificate; <paramref name="request"/> makes the certificate from the public key.
    public static byte[] Create(Func<PublicKey, X509Certificate2> request, string password)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve.Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var point = ((ECPublicKeyParameters)pair.Public).Q.Normalize();
        using var certificate = request(PublicKeyOf([.. LittleEndian(point.AffineXCoord.ToBigInteger()), .. LittleEndian(point.AffineYCoord.ToBigInteger())]));

        var scalar = new AsnWriter(AsnEncodingRules.DER);
        scalar.WriteOctetString(LittleEndian(((ECPrivateKeyParameters)pair.Private).D));
        var keyInfo = new Pkcs8PrivateKeyInfo(new Oid(Gost2015.PublicKeyOid), Parameters(), scalar.Encode());
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 2048);
        var keys = new Pkcs12SafeContents();
        keys.AddSafeBag(new Pkcs12ShroudedKeyBag(keyInfo.Encrypt(password, pbe)));
        var certificates = new Pkcs12SafeContents();
        certificates.AddCertificate(certificate);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(keys);
        builder.AddSafeContentsEncrypted(certificates, password, pbe);
        builder.SealWithMac(password, HashAlgorithmName.SHA1, 2048);
        return builder.Encode();
    }

    /// The certificate and the private scalar of a file written by <see cref="Create"/>.
    public static Key Open(byte[] pkcs12, string password)
    {
        var info = Pkcs12Info.Decode(pkcs12, out _, skipCopy: true);
        if (!info.VerifyMac(password)) throw new CryptographicException("Wrong password for the GOST key file.");
        X509Certificate2? certificate = null;
        byte[]? scalar = null;
        foreach (var contents in info.AuthenticatedSafe)
        {
            if (contents.ConfidentialityMode == Pkcs12ConfidentialityMode.Password) contents.Decrypt(password);
            foreach (var bag in contents.GetBags())
            {
                if (bag is Pkcs12CertBag cert) certificate = cert.GetCertificate();
                if (bag is Pkcs12ShroudedKeyBag key)
                {
                    var decoded = Pkcs8PrivateKeyInfo.DecryptAndDecode(password, key.EncryptedPkcs8PrivateKey, out _);
                    var little = new AsnReader(decoded.PrivateKeyBytes, AsnEncodingRules.DER).ReadOctetString();
                    Array.Reverse(little);
                    scalar = little;
                }
            }
        }
        return new Key(certificate ?? throw new CryptographicException("No certificate in the GOST key file."),
            scalar ?? throw new CryptographicException("No key in the GOST key file."));
    }

    /// The subject public key as NCA writes it: an OCTET STRING of X‖Y, parameters (set, digest).
    public static PublicKey PublicKeyOf(byte[] xy)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        key.WriteOctetString(xy);
        return new PublicKey(new Oid(Gost2015.PublicKeyOid), new AsnEncodedData(Parameters()), new AsnEncodedData(key.Encode()));
    }

    private static byte[] Parameters()
    {
        var parameters = new AsnWriter(AsnEncodingRules.DER);
        using (parameters.PushSequence())
        {
            parameters.WriteObjectIdentifier(ParameterSet);
            parameters.WriteObjectIdentifier(Gost2015.DigestOid);
        }
        return parameters.Encode();
    }

    private static byte[] LittleEndian(BcInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padded = new byte[Curve.FieldBytes];
        bytes.CopyTo(padded, padded.Length - bytes.Length);
        Array.Reverse(padded);
        return padded;
    }
}
