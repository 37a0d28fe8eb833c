using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// Why a request did not get a pool it ranked above the one it got, in figures only (never other
/// children's data): "all 12 seats went to children before you in the order; the last admitted
/// was 35th, you are 41st". For the parent's result page.
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
            reasons.Add(new Reason(pool.PoolId, k + 1, Text(pool, mine.PriorityPosition)));
        }
        return reasons;
    }

    static LocalizedText Text(PoolOutcome pool, long position) => pool switch
    {
        { Seats: 0 } => new("В этом распределении у организации не было мест."),
        { LastAdmittedPosition: { } last } when pool.Admitted >= pool.Seats && last < position => new(
            "Все места ({0}) получили дети раньше вас в порядке распределения: последний принятый — №{1}, вы — №{2}.", pool.Seats, last, position),
        // A stable result never leaves this case; said plainly rather than explained wrongly.
        _ => new("Место в этой организации не было предложено; обратитесь в отдел образования."),
    };
}
