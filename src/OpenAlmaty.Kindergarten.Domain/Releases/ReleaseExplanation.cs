using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// Why a request did not get a pool it ranked above the one it got, in figures only (never other
/// children's data): "all 12 seats went to children before you in the order; the last admitted
/// was 35th, you are 41st". The one home of these words: the engine's result and the parent's
/// release page (which reads the same figures from the database) both call <see cref="Because"/>.
public static class ReleaseExplanation
{
    public sealed record Reason(string PoolId, int ChoiceIndex, LocalizedText Text);

    public static IReadOnlyList<Reason> WhyNot(AllocationResult result, AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var mine = result.Placements.FirstOrDefault(p => p.Pseudonym == request.Pseudonym)
            ?? throw new ArgumentException("the request is not in this result", nameof(request));
        var above = mine.ChoiceIndex is { } got ? got - 1 : request.RankedPools.Count;
        var reasons = new List<Reason>(above);
        for (var k = 0; k < above; k++)
        {
            var pool = result.Pools.First(p => p.PoolId == request.RankedPools[k]);
            reasons.Add(new Reason(pool.PoolId, k + 1, Because(pool.Seats, pool.Admitted, pool.LastAdmittedPosition, mine.PriorityPosition)));
        }
        return reasons;
    }

    /// A pool's figures after allocation (its seats, how many it admitted, the worst place it
    /// admitted) and the child's own place in the release's order.
    public static LocalizedText Because(int seats, int admitted, long? lastAdmitted, long position) => (seats, lastAdmitted) switch
    {
        (0, _) => NoSeats,
        (_, { } last) when admitted >= seats && last < position => AllTaken.Format(seats, last, position),
        // A stable result never leaves this case; said plainly rather than explained wrongly.
        _ => NotOffered,
    };

    static readonly LocalizedText NoSeats = new("В этом распределении у организации не было мест.");

    static readonly LocalizedText AllTaken = new(
        "Все места ({0}) получили дети раньше вас в порядке распределения: последний принятый — №{1}, вы — №{2}.");

    static readonly LocalizedText NotOffered = new("Место в этой организации не было предложено; обратитесь в отдел образования.");
}
