using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

/// Small random releases from a fixed seed, so a failure is the same on every run and every
/// machine; the instance's number is in every assertion message.
static class RandomInstances
{
    public static IEnumerable<(int Number, AllocationInput Input)> Make(int count, int maxPools = 6, int maxRequests = 12, int seed = 20261130)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++) yield return (n, One(random, maxPools, maxRequests));
    }

    public static AllocationInput One(Random random, int maxPools, int maxRequests)
    {
        var pools = Enumerable.Range(0, random.Next(1, maxPools + 1))
            .Select(p => new SeatPool($"p{p}", random.Next(0, 4))).ToArray();
        var count = random.Next(1, maxRequests + 1);
        // Queue ranks: a shuffled 1..count with gaps, as a release's order is a subset of the queue.
        var ranks = Enumerable.Range(1, count).Select(r => (long)r * 4 + random.Next(0, 4)).ToArray();
        random.Shuffle(ranks);
        var requests = Enumerable.Range(0, count).Select(c =>
        {
            var ranked = pools.Select(p => p.PoolId).ToArray();
            random.Shuffle(ranked);
            var length = random.Next(1, Math.Min(AllocationValidator.MaxRankedPools, ranked.Length) + 1);
            return new AllocationRequest($"r{c:00}-{random.Next(1000, 9999)}", ranked[..length], ranks[c]);
        }).ToArray();
        var rule = random.Next(2) == 0 ? AllocationRule.QueueOrder : AllocationRule.Lottery;
        var seed = new byte[32];
        random.NextBytes(seed);
        return new AllocationInput(rule, seed, pools, requests);
    }

    /// The textbook definition, written separately from the portal's code: take the children in
    /// the order, each to their best pool with a seat left. Returns pseudonym → pool (null: none).
    public static Dictionary<string, string?> SerialDictatorship(AllocationInput input)
    {
        var order = input.Rule == AllocationRule.Lottery
            ? input.Requests.OrderBy(r => ReleaseLottery.Number(input.Seed, r.Pseudonym)).ThenBy(r => r.Pseudonym, StringComparer.Ordinal)
            : input.Requests.OrderBy(r => r.QueueRank);
        var left = input.Pools.ToDictionary(p => p.PoolId, p => p.Seats);
        var result = new Dictionary<string, string?>();
        foreach (var request in order)
        {
            var pool = request.RankedPools.FirstOrDefault(p => left[p] > 0);
            if (pool is not null) left[pool]--;
            result[request.Pseudonym] = pool;
        }
        return result;
    }
}
