namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// Checks of a result against its input that do not trust the algorithm: what the benchmark, the
/// tests and the recompute command assert. Positions come from <see cref="ReleaseOrder"/> again.
public static class AllocationAudit
{
    /// Empty when the result is sound: one placement per request and nothing else; each placement
    /// is a pool the request ranked, at the choice it says; no pool over its seats (so no seat is
    /// given twice); positions are the release's order; the pools' counts add up; and no blocking
    /// pair — no child ranked a pool above what they got while that pool had a seat left or
    /// admitted a child after them in the order.
    public static IReadOnlyList<string> Check(AllocationInput input, AllocationResult result, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var problems = new List<string>();
        void Add(string problem) { if (problems.Count < max) problems.Add(problem); }

        var ordered = ReleaseOrder.Arrange(input);
        var position = new Dictionary<string, long>(ordered.Length, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++) position[ordered[i].Pseudonym] = i + 1;
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pool in input.Pools) seats[pool.PoolId] = pool.Seats;

        var got = new Dictionary<string, Placement>(StringComparer.Ordinal);
        var admitted = new Dictionary<string, int>(StringComparer.Ordinal);
        var worst = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in result.Placements)
        {
            if (!position.TryGetValue(p.Pseudonym, out var expected)) { Add($"{p.Pseudonym}: placed but did not request"); continue; }
            if (!got.TryAdd(p.Pseudonym, p)) { Add($"{p.Pseudonym}: placed twice"); continue; }
            if (p.PriorityPosition != expected) Add($"{p.Pseudonym}: position {p.PriorityPosition}, the order says {expected}");
            if (p.PoolId is null) { if (p.ChoiceIndex is not null) Add($"{p.Pseudonym}: a choice without a pool"); continue; }
            admitted[p.PoolId] = admitted.GetValueOrDefault(p.PoolId) + 1;
            worst[p.PoolId] = Math.Max(worst.GetValueOrDefault(p.PoolId), expected);
        }
        foreach (var request in ordered)
        {
            if (!got.TryGetValue(request.Pseudonym, out var p)) { Add($"{request.Pseudonym}: no placement"); continue; }
            var k = p.PoolId is null ? -1 : IndexOf(request.RankedPools, p.PoolId);
            if (p.PoolId is not null && (k < 0 || p.ChoiceIndex != k + 1)) { Add($"{request.Pseudonym}: {p.PoolId} is not choice {p.ChoiceIndex} of the request"); continue; }
            var above = k < 0 ? request.RankedPools.Count : k;
            for (var j = 0; j < above; j++)
            {
                var better = request.RankedPools[j];
                if (admitted.GetValueOrDefault(better) < seats[better])
                    Add($"blocking pair: {request.Pseudonym} ranked {better} {j + 1}, which has a seat left");
                else if (worst.GetValueOrDefault(better) > position[request.Pseudonym])
                    Add($"blocking pair: {request.Pseudonym} ({position[request.Pseudonym]}) ranked {better} {j + 1}, which admitted position {worst[better]}");
            }
        }
        foreach (var pool in input.Pools)
            if (admitted.GetValueOrDefault(pool.PoolId) > pool.Seats)
                Add($"{pool.PoolId}: {admitted[pool.PoolId]} admitted for {pool.Seats} seats");
        foreach (var outcome in result.Pools)
        {
            long? last = worst.TryGetValue(outcome.PoolId, out var w) ? w : null;
            if (outcome.Admitted != admitted.GetValueOrDefault(outcome.PoolId) || outcome.LastAdmittedPosition != last)
                Add($"{outcome.PoolId}: the pool's figures ({outcome.Admitted}, last {outcome.LastAdmittedPosition}) do not match its placements");
        }
        return problems;
    }

    /// Null when both results are the same; otherwise the first difference, in words: placements
    /// in order, then the pools, then the waiting lists.
    public static string? FirstDifference(AllocationResult expected, AllocationResult actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        for (var i = 0; i < Math.Min(expected.Placements.Count, actual.Placements.Count); i++)
            if (expected.Placements[i] != actual.Placements[i])
                return $"placement {i + 1}: recomputed {Describe(expected.Placements[i])}, published {Describe(actual.Placements[i])}";
        if (expected.Placements.Count != actual.Placements.Count)
            return $"recomputed {expected.Placements.Count} placements, published {actual.Placements.Count}";
        for (var i = 0; i < Math.Min(expected.Pools.Count, actual.Pools.Count); i++)
            if (expected.Pools[i] != actual.Pools[i])
                return $"pool {i + 1}: recomputed {expected.Pools[i]}, published {actual.Pools[i]}";
        if (expected.Pools.Count != actual.Pools.Count)
            return $"recomputed {expected.Pools.Count} pools, published {actual.Pools.Count}";
        foreach (var (poolId, list) in expected.WaitingLists.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (!actual.WaitingLists.TryGetValue(poolId, out var published))
                return $"waiting list of {poolId}: missing from the published result";
            if (!list.SequenceEqual(published, StringComparer.Ordinal))
                return $"waiting list of {poolId}: recomputed [{string.Join(", ", list)}], published [{string.Join(", ", published)}]";
        }
        foreach (var poolId in actual.WaitingLists.Keys.Order(StringComparer.Ordinal))
            if (!expected.WaitingLists.ContainsKey(poolId))
                return $"waiting list of {poolId}: published but there is no such pool";
        return null;
    }

    static string Describe(Placement p) =>
        $"{p.Pseudonym} (position {p.PriorityPosition}) → {p.PoolId ?? "no seat"}{(p.ChoiceIndex is { } c ? $", choice {c}" : "")}";

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
