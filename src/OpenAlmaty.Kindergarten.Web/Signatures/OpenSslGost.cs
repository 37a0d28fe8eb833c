using System.Runtime.InteropServices;
using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// GOST R 34.10-2012/2015's own check, x(z1·G + z2·Q) mod q = r with z1 = s/e and z2 = −r/e,
/// computed by OpenSSL's point arithmetic on the tc26 curve. OpenSSL is the library .NET's own
/// cryptography calls on Linux (libcrypto.so.3); its curve object is built once per curve, with
/// the generator's multiples precomputed, and shared by every check. A key then costs only its
/// point: no per-key object to create or cache, so a first-time signer costs what a signer seen
/// before costs (decision 0014, "A first-time key").
///
/// OpenSSL's curve object is only read by a multiplication, so one serves every thread; each
/// check has its own points, numbers and scratch context, freed before it returns.
internal sealed class OpenSslGost
{
    private const string Library = "libcrypto.so.3";

    private readonly nint _group;
    private readonly GostCurve _curve;
    private readonly NumericsInteger _p;

    public OpenSslGost(GostCurve curve)
    {
        _curve = curve;
        var parameters = curve.Explicit;
        _p = BigEndianInteger(parameters.Prime!);
        var context = BN_CTX_new();
        nint p = Number(parameters.Prime!), a = Number(parameters.A!), b = Number(parameters.B!);
        nint gx = Number(parameters.G.X!), gy = Number(parameters.G.Y!), order = Number(parameters.Order!), cofactor = Number(parameters.Cofactor!);
        var generator = nint.Zero;
        try
        {
            _group = EC_GROUP_new_curve_GFp(p, a, b, context);
            if (_group == 0) throw Failed("the curve");
            generator = EC_POINT_new(_group);
            if (EC_POINT_set_affine_coordinates(_group, generator, gx, gy, context) != 1
                || EC_GROUP_set_generator(_group, generator, order, cofactor) != 1
                || EC_GROUP_precompute_mult(_group, context) != 1)
                throw Failed("the generator");
        }
        finally
        {
            EC_POINT_free(generator);
            foreach (var number in (ReadOnlySpan<nint>)[p, a, b, gx, gy, order, cofactor]) BN_free(number);
            BN_CTX_free(context);
        }
    }

    /// True when (r, s) is a GOST signature of the digest e (already read little-endian, mod q,
    /// 1 if 0) under the key (x, y). The caller has checked 1 ≤ r, s &lt; q.
    public bool Verify(NumericsInteger x, NumericsInteger y, NumericsInteger e, NumericsInteger r, NumericsInteger s)
    {
        if (x.Sign < 0 || x >= _p || y.Sign < 0 || y >= _p) return false;

        var context = BN_CTX_new();
        nint key = EC_POINT_new(_group), sum = EC_POINT_new(_group);
        nint bx = Number(x), by = Number(y), be = Number(e), br = Number(r), bs = Number(s), bq = Number(_curve.Q);
        nint v = BN_new(), z1 = BN_new(), z2 = BN_new(), rx = BN_new();
        try
        {
            if (context == 0 || key == 0 || sum == 0 || v == 0 || z1 == 0 || z2 == 0 || rx == 0) throw Failed("memory");
            // Refuses a point off the curve (OpenSSL checks it here).
            if (EC_POINT_set_affine_coordinates(_group, key, bx, by, context) != 1) return false;
            // On a curve with a cofactor (256-A, 512-C) the key must lie in the subgroup of order q,
            // as BouncyCastle, the reference, requires.
            if (_curve.HasCofactor
                && (EC_POINT_mul(_group, sum, 0, key, bq, context) != 1 || EC_POINT_is_at_infinity(_group, sum) != 1))
                return false;
            // v = e⁻¹, z1 = s·v, z2 = (q − r)·v, all mod q: OpenSSL's numbers (System.Numerics'
            // ModPow for the inverse alone cost 1.6 ms on a 512-bit q).
            if (BN_mod_inverse(v, be, bq, context) == 0
                || BN_mod_mul(z1, bs, v, bq, context) != 1
                || BN_sub(z2, bq, br) != 1
                || BN_mod_mul(z2, z2, v, bq, context) != 1)
                return false;
            if (EC_POINT_mul(_group, sum, z1, key, z2, context) != 1) return false;
            if (EC_POINT_is_at_infinity(_group, sum) == 1) return false;
            if (EC_POINT_get_affine_coordinates(_group, sum, rx, 0, context) != 1) return false;
            return BN_nnmod(rx, rx, bq, context) == 1 && BN_cmp(rx, br) == 0;
        }
        finally
        {
            // A refusal leaves its reason in OpenSSL's per-thread queue; .NET's own calls must not read it.
            ERR_clear_error();
            foreach (var number in (ReadOnlySpan<nint>)[bx, by, be, br, bs, bq, v, z1, z2, rx]) BN_free(number);
            EC_POINT_free(key);
            EC_POINT_free(sum);
            BN_CTX_free(context);
        }
    }

    private static nint Number(NumericsInteger value)
    {
        Span<byte> bytes = stackalloc byte[Math.Max(1, value.GetByteCount(isUnsigned: true))];
        value.TryWriteBytes(bytes, out var written, isUnsigned: true, isBigEndian: true);
        return Number(bytes[..Math.Max(1, written)]);
    }

    private static nint Number(ReadOnlySpan<byte> bigEndian)
    {
        var number = BN_bin2bn(ref MemoryMarshal.GetReference(bigEndian), bigEndian.Length, 0);
        return number == 0 ? throw Failed("memory") : number;
    }

    private static NumericsInteger BigEndianInteger(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static InvalidOperationException Failed(string what)
    {
        ERR_clear_error();
        return new InvalidOperationException($"OpenSSL could not set up {what} for a GOST check.");
    }

    [DllImport(Library)] private static extern nint BN_CTX_new();
    [DllImport(Library)] private static extern void BN_CTX_free(nint context);
    [DllImport(Library)] private static extern nint BN_new();
    [DllImport(Library)] private static extern void BN_free(nint number);
    [DllImport(Library)] private static extern nint BN_bin2bn(ref byte bigEndian, int length, nint into);
    [DllImport(Library)] private static extern nint BN_mod_inverse(nint result, nint a, nint n, nint context);
    [DllImport(Library)] private static extern int BN_mod_mul(nint result, nint a, nint b, nint m, nint context);
    [DllImport(Library)] private static extern int BN_sub(nint result, nint a, nint b);
    [DllImport(Library)] private static extern int BN_nnmod(nint result, nint a, nint m, nint context);
    [DllImport(Library)] private static extern int BN_cmp(nint a, nint b);
    [DllImport(Library)] private static extern nint EC_GROUP_new_curve_GFp(nint p, nint a, nint b, nint context);
    [DllImport(Library)] private static extern int EC_GROUP_set_generator(nint group, nint generator, nint order, nint cofactor);
    [DllImport(Library)] private static extern int EC_GROUP_precompute_mult(nint group, nint context);
    [DllImport(Library)] private static extern nint EC_POINT_new(nint group);
    [DllImport(Library)] private static extern void EC_POINT_free(nint point);
    [DllImport(Library)] private static extern int EC_POINT_set_affine_coordinates(nint group, nint point, nint x, nint y, nint context);
    [DllImport(Library)] private static extern int EC_POINT_get_affine_coordinates(nint group, nint point, nint x, nint y, nint context);
    [DllImport(Library)] private static extern int EC_POINT_is_at_infinity(nint group, nint point);
    [DllImport(Library)] private static extern int EC_POINT_mul(nint group, nint result, nint generatorScalar, nint point, nint pointScalar, nint context);
    [DllImport(Library)] private static extern void ERR_clear_error();
}
