namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// How a release orders its children: the queue the parent already sees (out-of-turn, then first
/// priority 1:3 with general, by queue date), or a public lottery where no queue order applies.
public enum AllocationRule
{
    QueueOrder = 1,
    Lottery = 2,
}

/// The seats of one organisation × age group × seat kind in a release.
public sealed record SeatPool(string PoolId, int Seats);

/// One child's signed request: a public pseudonym (no personal data), up to five pools in the
/// parent's order of preference, and for <see cref="AllocationRule.QueueOrder"/> the child's
/// position in the release's priority order (1 = first). QueueRank is ignored for the lottery.
public sealed record AllocationRequest(string Pseudonym, IReadOnlyList<string> RankedPools, long QueueRank);

/// Everything the allocation depends on, and nothing else: the same input gives the same result.
/// The seed matters only for <see cref="AllocationRule.Lottery"/>.
public sealed record AllocationInput(AllocationRule Rule, byte[] Seed, IReadOnlyList<SeatPool> Pools, IReadOnlyList<AllocationRequest> Requests);

/// What one request got. PoolId and ChoiceIndex are null when it got nothing; ChoiceIndex is
/// 1-based (1 = the parent's first choice). PriorityPosition is the request's 1-based position in
/// the order actually used (queue rank order, or lottery order): "you are 41st".
public sealed record Placement(string Pseudonym, string? PoolId, int? ChoiceIndex, long PriorityPosition);

/// A pool after allocation. LastAdmittedPosition is the worst priority position it admitted
/// ("the last admitted was 35th"), null when it admitted nobody.
public sealed record PoolOutcome(string PoolId, int Seats, int Admitted, long? LastAdmittedPosition);

/// Placements: one per request, in priority order. Pools: in input order. WaitingLists: every
/// pool id of the input (ordinal key order) → the pseudonyms, in priority order, of the requests
/// that ranked it above what they got (or ranked it and got nothing).
public sealed record AllocationResult(
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<PoolOutcome> Pools,
    IReadOnlyDictionary<string, IReadOnlyList<string>> WaitingLists);
