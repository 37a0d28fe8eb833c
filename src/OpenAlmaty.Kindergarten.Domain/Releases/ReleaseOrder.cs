namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// The one priority order a release uses for every pool. A total order (pseudonyms are unique), so
/// the sort algorithm cannot change the result.
public static class ReleaseOrder
{
    /// The requests, first priority first: by QueueRank for the queue order; by lottery number
    /// for the lottery. Ties (equal numbers) go by pseudonym, ordinal, which is public too.
    public static AllocationRequest[] Arrange(AllocationInput input) =>
        [.. Permutation(input).Select(i => input.Requests[i])];

    /// The same order as indexes into input.Requests: element k is the request at position k + 1.
    internal static int[] Permutation(AllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requests = input.Requests;
        var keys = input.Rule == AllocationRule.Lottery
            ? ReleaseLottery.Numbers(input.Seed, [.. requests.Select(r => r.Pseudonym)])
            // The validator keeps QueueRank ≥ 1, so the cast preserves the order.
            : [.. requests.Select(r => (ulong)r.QueueRank)];
        var index = new int[requests.Count];
        for (var i = 0; i < index.Length; i++) index[i] = i;
        Array.Sort(index, (a, b) =>
        {
            var byKey = keys[a].CompareTo(keys[b]);
            return byKey != 0 ? byKey : string.CompareOrdinal(requests[a].Pseudonym, requests[b].Pseudonym);
        });
        return index;
    }
}
