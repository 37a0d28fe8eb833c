using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

/// Properties of the allocation on several hundred random small releases (fixed seeds).
public class DeferredAcceptancePropertyTests
{
    [Fact]
    public void Allocate_RandomReleases_AreStableWithinCapacityAndPlaceEachRequestOnce()
    {
        foreach (var (n, input) in RandomInstances.Make(500))
        {
            var result = DeferredAcceptance.Allocate(input);
            Assert.True(AllocationAudit.Check(input, result) is [], $"instance {n}: {string.Join("; ", AllocationAudit.Check(input, result))}");
            Assert.Equal(input.Requests.Count, result.Placements.Select(p => p.Pseudonym).Distinct().Count());
            foreach (var pool in input.Pools)
                Assert.True(result.Placements.Count(p => p.PoolId == pool.PoolId) <= pool.Seats, $"instance {n}: {pool.PoolId} over capacity");
        }
    }

    [Fact]
    public void Allocate_RandomReleases_EqualSerialDictatorshipInTheCommonOrder()
    {
        foreach (var (n, input) in RandomInstances.Make(500, seed: 7))
        {
            var expected = RandomInstances.SerialDictatorship(input);
            var actual = DeferredAcceptance.Allocate(input).Placements.ToDictionary(p => p.Pseudonym, p => p.PoolId);
            Assert.True(expected.Count == actual.Count && expected.All(e => actual[e.Key] == e.Value),
                $"instance {n}: serial dictatorship {string.Join(",", expected)} vs {string.Join(",", actual)}");
        }
    }

    [Fact]
    public void Allocate_SameInputInAnyRequestOrder_GivesTheSameResultAndBytes()
    {
        var random = new Random(11);
        foreach (var (n, input) in RandomInstances.Make(300, seed: 11))
        {
            var first = DeferredAcceptance.Allocate(input);
            var shuffled = input.Requests.ToArray();
            random.Shuffle(shuffled);
            var again = DeferredAcceptance.Allocate(input with { Seed = [.. input.Seed], Requests = shuffled });
            Assert.True(AllocationAudit.FirstDifference(first, again) is null, $"instance {n}: {AllocationAudit.FirstDifference(first, again)}");
            Assert.Equal(AllocationJson.Write(AllocationDocument.Of("r", input, first, true)),
                AllocationJson.Write(AllocationDocument.Of("r", input, DeferredAcceptance.Allocate(input), true)));
        }
    }

    [Fact]
    public void Allocate_AnotherLotterySeed_GivesAnotherOrder()
    {
        var pools = new[] { new SeatPool("a", 1) };
        var requests = Enumerable.Range(0, 20).Select(i => new AllocationRequest($"child-{i}", ["a"], 0)).ToArray();
        var one = DeferredAcceptance.Allocate(new(AllocationRule.Lottery, new byte[32], pools, requests));
        var other = DeferredAcceptance.Allocate(new(AllocationRule.Lottery, Enumerable.Repeat((byte)1, 32).ToArray(), pools, requests));
        Assert.NotEqual(one.Placements.Select(p => p.Pseudonym), other.Placements.Select(p => p.Pseudonym));
    }

    /// No child gains by misreporting when their true list of acceptable pools fits in five: every
    /// ordered list of distinct pools of length 1–5 (subsets, permutations, other pools) is tried
    /// in place of the true one, all else equal, and none gets a pool they truly rank higher.
    [Fact]
    public void Allocate_RandomReleases_NoMisreportGivesAChildABetterPool()
    {
        var tried = 0;
        foreach (var (n, input) in RandomInstances.Make(150, maxPools: 5, maxRequests: 8, seed: 3))
        {
            var poolIds = input.Pools.Select(p => p.PoolId).ToArray();
            var misreports = Lists(poolIds, Math.Min(poolIds.Length, AllocationValidator.MaxRankedPools)).ToArray();
            var truth = DeferredAcceptance.Allocate(input);
            foreach (var liar in input.Requests.Take(3))
            {
                var honest = TrueRank(liar.RankedPools, truth.Placements.Single(p => p.Pseudonym == liar.Pseudonym).PoolId);
                foreach (var report in misreports)
                {
                    var requests = input.Requests.Select(r => r == liar ? r with { RankedPools = report } : r).ToArray();
                    var lied = DeferredAcceptance.Allocate(input with { Requests = requests });
                    var gained = TrueRank(liar.RankedPools, lied.Placements.Single(p => p.Pseudonym == liar.Pseudonym).PoolId);
                    Assert.True(gained >= honest, $"instance {n}: {liar.Pseudonym} true [{string.Join(",", liar.RankedPools)}] gets {Said(honest)}; reporting [{string.Join(",", report)}] gets {Said(gained)}");
                    tried++;
                }
            }
        }
        Assert.True(tried > 10_000, $"only {tried} misreports tried");
    }

    /// 1-based rank of the pool in the child's true list; pools outside it are worth nothing.
    static int TrueRank(IReadOnlyList<string> truth, string? pool)
    {
        var k = pool is null ? -1 : truth.ToList().IndexOf(pool);
        return k < 0 ? int.MaxValue : k + 1;
    }

    static string Said(int rank) => rank == int.MaxValue ? "nothing it wants" : $"its true choice {rank}";

    static IEnumerable<string[]> Lists(string[] pools, int maxLength)
    {
        IEnumerable<string[]> Extend(string[] prefix)
        {
            if (prefix.Length > 0) yield return prefix;
            if (prefix.Length == maxLength) yield break;
            foreach (var p in pools.Where(p => !prefix.Contains(p)))
                foreach (var list in Extend([.. prefix, p])) yield return list;
        }
        return Extend([]);
    }
}
