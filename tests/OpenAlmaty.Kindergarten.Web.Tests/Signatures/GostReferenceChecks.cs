using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using OpenAlmaty.Kindergarten.Web.Signatures;
using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// The two other ways to check a GOST signature, beside the portal's (GostVerification.Verify):
/// BouncyCastle's GOST signer, the reference every way is proven against, and the ECDSA form on
/// .NET's ECDsa, which the portal used before (decision 0014). Used by the equivalence tests and
/// measured by SignatureVerificationCost.
internal static class GostReferenceChecks
{
    /// The ECDSA form of a GOST check: with s' = q − e and h = q − s, ECDSA computes the same point
    /// (decision 0014). A reference, measured beside <see cref="Verify"/>.
    internal static bool VerifyEcdsa(GostCurve curve, ECDsa key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        if (!GostVerification.TryRead(curve, hash, signature, out var r, out var s, out var e)) return false;
        var half = curve.FieldBytes;
        var q = curve.Q;

        // OpenSSL keeps the leftmost bitlen(q) bits of the hash: shift h up to survive that.
        var length = (curve.QBits + 7) / 8;
        Span<byte> digest = stackalloc byte[length];
        BigEndian((q - s) << (8 * length - curve.QBits), digest);
        Span<byte> ecdsaSignature = stackalloc byte[2 * half];
        BigEndian(r, ecdsaSignature[..half]);
        BigEndian(q - e, ecdsaSignature[half..]);
        try
        {
            return key.VerifyHash(digest, ecdsaSignature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// BouncyCastle's own GOST signer, the reference the ECDSA form is proven against.
    internal static bool VerifyBouncyCastle(GostCurve curve, byte[] publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var half = curve.FieldBytes;
        try
        {
            var point = curve.Domain.Curve.ValidatePoint(GostTestKeys.FromLittleEndian(publicKey.AsSpan(0, half)), GostTestKeys.FromLittleEndian(publicKey.AsSpan(half)));
            var verifier = new ECGost3410Signer();
            verifier.Init(false, new ECPublicKeyParameters(point, curve.Domain));
            // The signer reads the hash little-endian itself.
            return verifier.VerifySignature(hash.ToArray(), GostTestKeys.FromLittleEndian(signature[..half]), GostTestKeys.FromLittleEndian(signature[half..]));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// The key as an ECDsa object, or null when it is not a point of the curve's subgroup.
    internal static ECDsa? CreateKey(GostCurve curve, byte[] publicKey)
    {
        var half = curve.FieldBytes;
        var x = publicKey.AsSpan(0, half).ToArray();
        var y = publicKey.AsSpan(half, half).ToArray();
        Array.Reverse(x);
        Array.Reverse(y);
        try
        {
            return ECDsa.Create(new ECParameters { Curve = curve.Explicit, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static void BigEndian(NumericsInteger value, Span<byte> destination)
    {
        destination.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
