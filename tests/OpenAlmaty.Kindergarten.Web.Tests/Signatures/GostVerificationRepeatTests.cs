using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Signatures;

/// GostVerification.Verify keeps nothing per key: the same key checked again, and another key
/// checked in between, give the same answers (the valid signature accepted, a spoilt one refused).
public sealed class GostVerificationRepeatTests
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

        var (otherKey, otherHash, otherSignature) = GostTestKeys.SignedRandomDigest(curve);

        var results = Enumerable.Range(0, 4).Select(_ =>
            (Valid: GostVerification.Verify(curve, publicKey, hash, signature), Spoilt: GostVerification.Verify(curve, publicKey, hash, spoilt),
                Other: GostVerification.Verify(curve, otherKey, otherHash, otherSignature), Crossed: GostVerification.Verify(curve, otherKey, hash, signature))).ToList();

        Assert.All(results, r => Assert.True(r.Valid && r.Other));
        Assert.All(results, r => Assert.False(r.Spoilt || r.Crossed));
    }

    [Fact]
    public void Verify_KeyOfWrongLength_Refused()
    {
        var curve = GostCurve.Tc26_512A;

        Assert.False(GostVerification.Verify(curve, new byte[64], new byte[64], new byte[128]));
    }

    /// A key that is not a point of the curve, and a point outside the subgroup of order q on a
    /// curve with cofactor 4, are refused before any arithmetic with the signature.
    [Theory]
    [InlineData("Tc26-Gost-3410-12-256-paramSetA")]
    [InlineData("Tc26-Gost-3410-12-512-paramSetA")]
    [InlineData("Tc26-Gost-3410-12-512-paramSetC")]
    public void Verify_KeyOffTheCurveOrOutsideTheSubgroup_Refused(string name)
    {
        var curve = GostCurve.All.Single(c => c.Name == name);
        var (publicKey, hash, signature) = GostTestKeys.SignedRandomDigest(curve);
        var offCurve = (byte[])publicKey.Clone();
        offCurve[0] ^= 0x01;

        Assert.True(GostVerification.Verify(curve, publicKey, hash, signature));
        Assert.False(GostVerification.Verify(curve, offCurve, hash, signature));
        if (curve.HasCofactor)
        {
            // Q plus a point of order 2 or 4 lies on the curve but not in the subgroup.
            var mixed = GostTestKeys.PlusSmallOrderPoint(curve, publicKey);
            Assert.False(GostVerification.Verify(curve, mixed, hash, signature));
            Assert.False(GostReferenceChecks.VerifyBouncyCastle(curve, mixed, hash, signature));
        }
    }
}
