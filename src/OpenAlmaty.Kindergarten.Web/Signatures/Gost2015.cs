using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2015 (512) as NCA RK uses it, on BouncyCastle primitives: curve
/// Tc26-Gost-3410-12-512-paramSetA, Streebog-512, the public key as X‖Y and the signature as
/// r‖s, each half little-endian. The hash goes to the signer as it is (BouncyCastle reverses it).
internal static class Gost2015
{
    public const string PublicKeyOid = "1.2.398.3.10.1.1.2.2";
    public const string SignatureOid = "1.2.398.3.10.1.1.2.3.2";
    public const string DigestOid = "1.2.398.3.10.1.3.3";
    public const string XmlSignatureMethod = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512";
    public const string XmlDigestMethod = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512";
    public const string Name = "GOST-34.10-2015-512";

    private const int Half = 64;

    private static readonly ECDomainParameters Curve =
        new(ECGost3410NamedCurves.GetByName("Tc26-Gost-3410-12-512-paramSetA"));

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new Gost3411_2012_512Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    public static bool IsGost2015Key(X509Certificate2 certificate) => certificate.PublicKey.Oid.Value == PublicKeyOid;

    /// Verifies r‖s over Streebog(<paramref name="data"/>) with the certificate's key.
    public static bool Verify(X509Certificate2 signer, ReadOnlySpan<byte> data, byte[] signature) =>
        VerifyHash(signer, Hash(data), signature);

    public static bool VerifyHash(X509Certificate2 signer, byte[] hash, byte[] signature)
    {
        if (signature.Length != 2 * Half || !TryPublicKey(signer, out var key)) return false;
        var verifier = new ECGost3410Signer();
        verifier.Init(false, key);
        return verifier.VerifySignature(hash, LittleEndian(signature, 0), LittleEndian(signature, Half));
    }

    /// The issuer's GOST signature on a certificate (or CRL, or OCSP response): .NET cannot
    /// build a chain for GOST keys, so the one link is checked here.
    public static bool VerifySigned(X509Certificate2 issuer, byte[] tbs, byte[] signature) =>
        IsGost2015Key(issuer) && Verify(issuer, tbs, signature);

    private static bool TryPublicKey(X509Certificate2 certificate, out ECPublicKeyParameters key)
    {
        key = null!;
        if (!IsGost2015Key(certificate)) return false;
        try
        {
            var point = Asn1OctetString.GetInstance(certificate.PublicKey.EncodedKeyValue.RawData).GetOctets();
            if (point.Length != 2 * Half) return false;
            key = new ECPublicKeyParameters(Curve.Curve.ValidatePoint(LittleEndian(point, 0), LittleEndian(point, Half)), Curve);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static BigInteger LittleEndian(byte[] bytes, int offset)
    {
        var half = bytes.AsSpan(offset, Half).ToArray();
        Array.Reverse(half);
        return new BigInteger(1, half);
    }
}
