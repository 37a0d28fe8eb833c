using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

/// The lottery function is public, so it is pinned to published test vectors: anyone with another
/// HMAC-SHA256 implementation gets the same numbers.
public class ReleaseLotteryTests
{
    [Fact]
    public void Number_Rfc4231TestCase2_IsTheFirstEightBytesBigEndian()
    {
        // RFC 4231 §4.3: HMAC-SHA256(key "Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a04…
        Assert.Equal(0x5bdcc146bf60754eUL, ReleaseLottery.Number("Jefe"u8.ToArray(), "what do ya want for nothing?"));
    }

    [Fact]
    public void Number_Cyrillic_IsHashedAsUtf8()
    {
        var seed = "seed"u8.ToArray();

        Assert.NotEqual(ReleaseLottery.Number(seed, "Ә-1"), ReleaseLottery.Number(seed, "A-1"));
        Assert.Equal(ReleaseLottery.Number(seed, "Ә-1"), ReleaseLottery.Number([.. seed], "Ә-1"));
    }

    [Fact]
    public void Numbers_ManyPseudonymsWithOneKey_EqualNumberOfEach()
    {
        var seed = ReleaseLottery.NewSeed();
        string[] pseudonyms = ["R00001-123456", "Ә-1", "", "R49999-999999"];

        Assert.Equal(pseudonyms.Select(p => ReleaseLottery.Number(seed, p)), ReleaseLottery.Numbers(seed, pseudonyms));
    }

    [Fact]
    public void SeedHash_Abc_IsTheLowercaseHexSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ReleaseLottery.SeedHash("abc"u8.ToArray()));
    }

    [Fact]
    public void NewSeed_IsThirtyTwoFreshBytes()
    {
        var seed = ReleaseLottery.NewSeed();

        Assert.Equal(ReleaseLottery.SeedLength, seed.Length);
        Assert.NotEqual(seed, ReleaseLottery.NewSeed());
    }
}
