namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// The order inside one birth year: out-of-turn children first, by queue date and time; then
/// first-priority children interleaved one to three with the general queue (one privileged,
/// three general, …), each by queue date and time. When one of the two runs out, the other
/// goes on alone.
public static class QueueOrder
{
    /// Privileged applications per block, and general applications per block.
    public const int PrivilegedPerBlock = 1;
    public const int GeneralPerBlock = 3;

    /// The 1-based queue number of an application, from its 1-based rank inside its own group
    /// and the sizes of the groups in its birth year. Exact, and needs only counts, so the portal
    /// computes it with three index-only counts instead of ordering the whole year.
    public static int Position(PriorityGroup group, int rankInGroup, int outOfTurnCount, int firstPriorityCount, int generalCount)
    {
        if (rankInGroup < 1) throw new ArgumentOutOfRangeException(nameof(rankInGroup));
        return group switch
        {
            PriorityGroup.OutOfTurn => rankInGroup,
            // Before the p-th privileged child: p-1 privileged and the general children of p-1 full blocks.
            PriorityGroup.FirstPriority => outOfTurnCount + (rankInGroup - 1) + Math.Min(generalCount, GeneralPerBlock * (rankInGroup - 1)) + 1,
            // Before the g-th general child: g-1 general and one privileged child per block begun so far.
            _ => outOfTurnCount + (rankInGroup - 1) + Math.Min(firstPriorityCount, (rankInGroup - 1) / GeneralPerBlock + 1) + 1,
        };
    }

    /// The whole birth year in queue order: for lists and for checking <see cref="Position"/>.
    public static IReadOnlyList<T> Arrange<T>(IEnumerable<T> items, Func<T, PriorityGroup> group, Func<T, DateTimeOffset> queuedAt, Func<T, long> id)
    {
        var byGroup = items
            .OrderBy(queuedAt).ThenBy(id)
            .GroupBy(group)
            .ToDictionary(g => g.Key, g => g.ToList());
        List<T> Take(PriorityGroup g) => byGroup.TryGetValue(g, out var list) ? list : [];

        var result = new List<T>(Take(PriorityGroup.OutOfTurn));
        var privileged = Take(PriorityGroup.FirstPriority);
        var general = Take(PriorityGroup.General);
        int p = 0, q = 0;
        while (p < privileged.Count || q < general.Count)
        {
            for (var i = 0; i < PrivilegedPerBlock && p < privileged.Count; i++) result.Add(privileged[p++]);
            for (var i = 0; i < GeneralPerBlock && q < general.Count; i++) result.Add(general[q++]);
        }
        return result;
    }
}
