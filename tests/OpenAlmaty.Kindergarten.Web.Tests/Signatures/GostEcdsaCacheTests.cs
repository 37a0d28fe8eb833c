using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// GostEcdsa.Verify takes a key's first check one way and later checks another (BouncyCastle,
/// then a new ECDsa object, then the cached one): each stage accepts the valid signature and
/// refuses a spoilt one.
public sealed class GostEcdsaCacheTests
{
    [Theory]
    [InlineData("Tc26-Gost-3410-12-256-paramSetA")]
    [InlineData("Tc26-Gost-3410-12-512-paramSetA")]
    public void Verify_SameKeyFourTimes_ValidAcceptedAndSpoiltRefusedAtEveryStage(string name)
    {
        var curve = GostCurve.All.Single(c => c.Name == name);
        var (publicKey, hash, signature) = GostTestKeys.SignedRandomDigest(curve);
        var spoilt = (byte[])signature.Clone();
        spoilt[3] ^= 0x01;

        var results = Enumerable.Range(0, 4).Select(_ =>
            (Valid: GostEcdsa.Verify(curve, publicKey, hash, signature), Spoilt: GostEcdsa.Verify(curve, publicKey, hash, spoilt))).ToList();

        Assert.All(results, r => Assert.True(r.Valid));
        Assert.All(results, r => Assert.False(r.Spoilt));
    }

    [Fact]
    public void Verify_KeyOfWrongLength_Refused()
    {
        var curve = GostCurve.Tc26_512A;

        Assert.False(GostEcdsa.Verify(curve, new byte[64], new byte[64], new byte[128]));
    }
}
