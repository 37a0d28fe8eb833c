using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Recompute;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

/// The command anyone can run on a release's download: it agrees with an honest file and names
/// the first difference in a tampered one.
public sealed class RecomputeCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("recompute-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static AllocationDocument Allocated()
    {
        var random = new Random(42);
        var pools = Enumerable.Range(0, 40).Select(p => new SeatPool($"org-{p:000}/2022/private", random.Next(0, 8))).ToArray();
        var requests = Enumerable.Range(0, 300).Select(i =>
        {
            var ranked = pools.Select(p => p.PoolId).ToArray();
            random.Shuffle(ranked);
            return new AllocationRequest($"R{i:0000}-{random.Next(100000, 999999)}", ranked[..random.Next(1, 6)], 0);
        }).ToArray();
        var input = new AllocationInput(AllocationRule.Lottery, ReleaseLottery.NewSeed(), pools, requests);
        return AllocationDocument.Of("2026-autumn", input, DeferredAcceptance.Allocate(input), revealSeed: true);
    }

    (int Code, string Output) Run(AllocationDocument document) => RunText(AllocationJson.Write(document));

    (int Code, string Output) RunText(string json)
    {
        var path = Path.Combine(_folder, "release.json");
        File.WriteAllText(path, json);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RecomputeCommand.Run([path], output, error);
        return (code, output.ToString() + error);
    }

    [Fact]
    public void Run_AnHonestDownload_PrintsSameResult()
    {
        var (code, output) = Run(Allocated());

        Assert.Equal(RecomputeCommand.Same, code);
        Assert.StartsWith("same result: 300 placements", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoChildrenSwapped_PrintsTheFirstDifferenceAndFails()
    {
        var document = Allocated();
        var placements = document.Result!.Placements.ToArray();
        var (a, b) = (Array.FindIndex(placements, p => p.PoolId is not null), Array.FindLastIndex(placements, p => p.PoolId is not null));
        (placements[a], placements[b]) = (placements[a] with { PoolId = placements[b].PoolId }, placements[b] with { PoolId = placements[a].PoolId });

        var (code, output) = Run(document with { Result = document.Result with { Placements = placements } });

        Assert.Equal(RecomputeCommand.Different, code);
        Assert.StartsWith($"different result: placement {a + 1}: recomputed {placements[a].Pseudonym}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ARankingChangedAfterTheFact_Fails()
    {
        var document = Allocated();
        var last = document.Requests.First(r => document.Result!.Placements.Single(p => p.Pseudonym == r.Pseudonym).ChoiceIndex is > 1);
        var requests = document.Requests.Select(r => r == last ? r with { RankedPools = [.. r.RankedPools.Skip(1)] } : r).ToArray();

        var (code, output) = Run(document with { Requests = requests });

        Assert.Equal(RecomputeCommand.Different, code);
        Assert.StartsWith("different result:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ASeedThatIsNotThePromisedOne_Fails()
    {
        var document = Allocated();
        var json = AllocationJson.Write(document).Replace(Convert.ToHexStringLower(document.Seed!), new string('0', 64), StringComparison.Ordinal);

        var (code, output) = RunText(json);

        Assert.Equal(RecomputeCommand.Different, code);
        Assert.Contains("не совпадает с опубликованным хешем", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NotADownload_SaysSoWithoutRecomputing()
    {
        var (code, output) = RunText("""{"format":"openalmaty.release-allocation/1","rule":"dice"}""");

        Assert.Equal(RecomputeCommand.Unusable, code);
        Assert.Contains("unknown rule", output, StringComparison.Ordinal);
    }
}
