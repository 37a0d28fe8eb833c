using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Crypto.Parameters;
using NumericsInteger = System.Numerics.BigInteger;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// One tc26 curve of GOST R 34.10-2012/2015, in the two forms the verifier needs: BouncyCastle's
/// domain parameters and the same numbers as an explicit .NET <see cref="ECCurve"/> and as OpenSSL's curve
/// object (see <see cref="GostVerification"/>).
internal sealed class GostCurve
{
    public static readonly GostCurve Tc26_256A = new("Tc26-Gost-3410-12-256-paramSetA");
    public static readonly GostCurve Tc26_256B = new("Tc26-Gost-3410-12-256-paramSetB");
    public static readonly GostCurve Tc26_256C = new("Tc26-Gost-3410-12-256-paramSetC");
    public static readonly GostCurve Tc26_256D = new("Tc26-Gost-3410-12-256-paramSetD");
    public static readonly GostCurve Tc26_512A = new("Tc26-Gost-3410-12-512-paramSetA");
    public static readonly GostCurve Tc26_512B = new("Tc26-Gost-3410-12-512-paramSetB");
    public static readonly GostCurve Tc26_512C = new("Tc26-Gost-3410-12-512-paramSetC");

    public static IReadOnlyList<GostCurve> All { get; } =
        [Tc26_256A, Tc26_256B, Tc26_256C, Tc26_256D, Tc26_512A, Tc26_512B, Tc26_512C];

    private GostCurve(string name)
    {
        Name = name;
        _openSsl = new Lazy<OpenSslGost>(() => new OpenSslGost(this));
        Domain = new ECDomainParameters(ECGost3410NamedCurves.GetByName(name));
        var p = Domain.Curve.Field.Characteristic;
        FieldBytes = (p.BitLength + 7) / 8;
        Q = Unsigned(Domain.N);
        QBits = Domain.N.BitLength;
        var g = Domain.G.Normalize();
        Explicit = new ECCurve
        {
            CurveType = ECCurve.ECCurveType.PrimeShortWeierstrass,
            Prime = Fixed(p),
            A = Fixed(Domain.Curve.A.ToBigInteger()),
            B = Fixed(Domain.Curve.B.ToBigInteger()),
            G = new ECPoint { X = Fixed(g.AffineXCoord.ToBigInteger()), Y = Fixed(g.AffineYCoord.ToBigInteger()) },
            Order = Fixed(Domain.N),
            Cofactor = Domain.H.ToByteArrayUnsigned(),
        };
        HasCofactor = !Domain.H.Equals(Org.BouncyCastle.Math.BigInteger.One);
    }

    private readonly Lazy<OpenSslGost> _openSsl;

    public string Name { get; }

    /// The curve's point arithmetic in OpenSSL, built at its first check and shared by all.
    public OpenSslGost OpenSsl => _openSsl.Value;

    /// 256-A and 512-C (twisted Edwards curves written as Weierstrass) have cofactor 4: a key must
    /// be checked to lie in the subgroup of order q.
    public bool HasCofactor { get; }

    public ECDomainParameters Domain { get; }

    /// Byte length of p: each half of NCA's r‖s signature and X‖Y key has this length.
    public int FieldBytes { get; }

    /// The subgroup order q, and its bit length (shorter than p on 256-A and 512-C).
    public NumericsInteger Q { get; }

    public int QBits { get; }

    public ECCurve Explicit { get; }

    private byte[] Fixed(Org.BouncyCastle.Math.BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var padded = new byte[FieldBytes];
        bytes.CopyTo(padded, FieldBytes - bytes.Length);
        return padded;
    }

    private static NumericsInteger Unsigned(Org.BouncyCastle.Math.BigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    public override string ToString() => Name;
}
