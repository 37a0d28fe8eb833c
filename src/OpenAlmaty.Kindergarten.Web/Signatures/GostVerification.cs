using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcInteger = Org.BouncyCastle.Math.BigInteger;
using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2012/2015 verification in NCA's encoding (r‖s and X‖Y, each half little-endian;
/// e = the digest read little-endian, mod q, 1 if 0). Every check is <see cref="OpenSslGost"/>'s:
/// the standard's own equation on OpenSSL's point arithmetic, with one curve object per curve and
/// nothing per key, so a first-time signer costs what a known one does (decision 0014).
///
/// The two other ways measured for the same check stay here as references: BouncyCastle's GOST
/// signer (what every other way is proven against) and the ECDSA form on .NET's ECDsa (a GOST check
/// is an ECDSA check with rearranged values), which is as fast once its key object exists but
/// costs 4–12 ms to create one per key. `GostEcdsaEquivalenceTests` proves all three agree;
/// `SignatureVerificationCost` measures them.
internal static class GostVerification
{
    /// Verifies <paramref name="signature"/> (r‖s little-endian) over <paramref name="hash"/>
    /// with the key X‖Y little-endian.
    public static bool Verify(GostCurve curve, byte[] publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var half = curve.FieldBytes;
        if (publicKey.Length != 2 * half || !TryRead(curve, hash, signature, out var r, out var s, out var e)) return false;
        return curve.OpenSsl.Verify(LittleEndian(publicKey.AsSpan(0, half)), LittleEndian(publicKey.AsSpan(half)), e, r, s);
    }

    /// r and s from NCA's r‖s (refused unless 1 ≤ r, s &lt; q), and e: the digest read
    /// little-endian, mod q, 1 if 0.
    private static bool TryRead(GostCurve curve, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature,
        out NumericsInteger r, out NumericsInteger s, out NumericsInteger e)
    {
        var half = curve.FieldBytes;
        var q = curve.Q;
        r = s = e = default;
        if (signature.Length != 2 * half) return false;
        r = LittleEndian(signature[..half]);
        s = LittleEndian(signature[half..]);
        if (r.Sign <= 0 || r >= q || s.Sign <= 0 || s >= q) return false;
        e = LittleEndian(hash) % q;
        if (e.IsZero) e = NumericsInteger.One;
        return true;
    }

    /// The ECDSA form of a GOST check: with s' = q − e and h = q − s, ECDSA computes the same point
    /// (decision 0014). A reference, measured beside <see cref="Verify"/>.
    internal static bool VerifyEcdsa(GostCurve curve, ECDsa key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        if (!TryRead(curve, hash, signature, out var r, out var s, out var e)) return false;
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
            var point = curve.Domain.Curve.ValidatePoint(BcLittleEndian(publicKey.AsSpan(0, half)), BcLittleEndian(publicKey.AsSpan(half)));
            var verifier = new ECGost3410Signer();
            verifier.Init(false, new ECPublicKeyParameters(point, curve.Domain));
            // The signer reads the hash little-endian itself.
            return verifier.VerifySignature(hash.ToArray(), BcLittleEndian(signature[..half]), BcLittleEndian(signature[half..]));
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

    private static NumericsInteger LittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private static BcInteger BcLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var reversed = bytes.ToArray();
        Array.Reverse(reversed);
        return new BcInteger(1, reversed);
    }

    private static void BigEndian(NumericsInteger value, Span<byte> destination)
    {
        destination.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
