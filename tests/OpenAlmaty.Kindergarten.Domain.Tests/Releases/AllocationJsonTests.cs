using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

public class AllocationJsonTests
{
    static AllocationInput Lottery() => RandomInstances.One(new Random(5), 6, 12) with { Rule = AllocationRule.Lottery };

    [Fact]
    public void WriteThenRead_GivesTheSameDocumentAndTheSameBytes()
    {
        var input = Lottery();
        var json = AllocationJson.Write(AllocationDocument.Of("2026-R1", input, DeferredAcceptance.Allocate(input), revealSeed: true));

        var read = AllocationJson.Read(json);

        Assert.Equal(json, AllocationJson.Write(read));
        Assert.Equal(input.Seed, read.Seed);
        Assert.Null(AllocationAudit.FirstDifference(DeferredAcceptance.Allocate(read.ToInput()), read.Result!));
    }

    [Fact]
    public void Write_BeforeTheReveal_HasTheHashButNotTheSeed()
    {
        var input = Lottery();

        var json = AllocationJson.Write(AllocationDocument.Of("2026-R1", input, null, revealSeed: false));

        Assert.Contains($"\"seedHash\": \"{ReleaseLottery.SeedHash(input.Seed)}\"", json);
        Assert.Contains("\"seed\": null", json);
        Assert.Equal("seed.hidden", Assert.Throws<DomainException>(() => AllocationJson.Read(json).ToInput()).Code);
    }

    [Fact]
    public void ToInput_ASeedThatIsNotThePromisedOne_IsRefused()
    {
        var input = Lottery();
        var document = AllocationDocument.Of("2026-R1", input, null, revealSeed: true) with { Seed = new byte[32] };

        Assert.Equal("seed.mismatch", Assert.Throws<DomainException>(() => document.ToInput()).Code);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("""{"format":"something-else/1"}""")]
    public void Read_NotADownload_SaysSo(string json)
    {
        Assert.Equal("allocation.file", Assert.Throws<DomainException>(() => AllocationJson.Read(json)).Code);
    }
}
