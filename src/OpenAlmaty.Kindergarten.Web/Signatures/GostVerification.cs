using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2012/2015 verification in NCA's encoding (r‖s and X‖Y, each half little-endian;
/// e = the digest read little-endian, mod q, 1 if 0). Every check is <see cref="OpenSslGost"/>'s:
/// the standard's own equation on OpenSSL's point arithmetic, with one curve object per curve and
/// nothing per key, so a first-time signer costs what a known one does (decision 0014).
///
/// The two other ways measured for the same check live with the tests (`GostReferenceChecks`):
/// BouncyCastle's GOST signer, what every way is proven against, and the ECDSA form on .NET's
/// ECDsa. `GostEcdsaEquivalenceTests` proves all three agree; `SignatureVerificationCost` measures them.
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
    internal static bool TryRead(GostCurve curve, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature,
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

    private static NumericsInteger LittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);
}
