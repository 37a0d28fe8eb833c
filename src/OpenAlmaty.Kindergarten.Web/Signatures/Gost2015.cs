using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2015 as NCA RK uses it: the 512-bit key on Tc26-Gost-3410-12-512-paramSetA with
/// Streebog-512 (what NCA issues people today), the 256-bit key on Tc26-Gost-3410-12-256-paramSetA
/// with Streebog-256; the public key as X‖Y and the signature as r‖s, each half little-endian.
/// The check itself is <see cref="GostVerification"/>'s (OpenSSL's point arithmetic).
internal static class Gost2015
{
    public const string PublicKeyOid = "1.2.398.3.10.1.1.2.2";
    public const string PublicKey256Oid = "1.2.398.3.10.1.1.2.1";
    public const string SignatureOid = "1.2.398.3.10.1.1.2.3.2";
    public const string Signature256Oid = "1.2.398.3.10.1.1.2.3.1";
    public const string DigestOid = "1.2.398.3.10.1.3.3";
    public const string XmlSignatureMethod = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512";
    public const string XmlDigestMethod = "urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512";
    public const string Name = "GOST-34.10-2015-512";

    public static byte[] Hash(ReadOnlySpan<byte> data) => Hash(new Gost3411_2012_512Digest(), data);

    public static byte[] Hash256(ReadOnlySpan<byte> data) => Hash(new Gost3411_2012_256Digest(), data);

    public static bool IsGost2015Key(X509Certificate2 certificate) => CurveOf(certificate) is not null;

    /// Verifies r‖s over Streebog(<paramref name="data"/>) with the certificate's key (the
    /// digest's size follows the key's).
    public static bool Verify(X509Certificate2 signer, ReadOnlySpan<byte> data, byte[] signature)
    {
        if (!TryPublicKey(signer, out var curve, out var key)) return false;
        var hash = curve == GostCurve.Tc26_512A ? Hash(data) : Hash256(data);
        return GostVerification.Verify(curve, key, hash, signature);
    }

    /// The issuer's GOST signature on a certificate (or CRL, or OCSP response): .NET cannot
    /// build a chain for GOST keys, so the one link is checked here.
    public static bool VerifySigned(X509Certificate2 issuer, byte[] tbs, byte[] signature) => Verify(issuer, tbs, signature);

    private static GostCurve? CurveOf(X509Certificate2 certificate) => certificate.PublicKey.Oid.Value switch
    {
        PublicKeyOid => GostCurve.Tc26_512A,
        PublicKey256Oid => GostCurve.Tc26_256A,
        _ => null,
    };

    private static bool TryPublicKey(X509Certificate2 certificate, out GostCurve curve, out byte[] key)
    {
        curve = CurveOf(certificate)!;
        key = [];
        if (curve is null) return false;
        try
        {
            key = Asn1OctetString.GetInstance(certificate.PublicKey.EncodedKeyValue.RawData).GetOctets();
            return key.Length == 2 * curve.FieldBytes;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static byte[] Hash(IDigest digest, ReadOnlySpan<byte> data)
    {
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}
