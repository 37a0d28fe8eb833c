using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// An application as the page already read it: enough to find its queue number.
public readonly record struct QueueKey(long Id, int BirthYear, ApplicationStatus Status);

/// Queue numbers of any set of applications, from the birth years' queue order that
/// <see cref="QueueOrderCache"/> keeps exact. A page that read an application in the queue and
/// finds no number for it (or the other way round) has seen a change the cache has not heard of
/// yet: the year is read again, so a number is never missing or left over.
public sealed class QueuePositions(QueueOrderCache cache)
{
    public async Task<IReadOnlyDictionary<long, int>> ForAsync(IReadOnlyCollection<QueueKey> applications)
    {
        var result = new Dictionary<long, int>();
        foreach (var year in applications.GroupBy(a => a.BirthYear))
        {
            var positions = await cache.YearAsync(year.Key);
            if (year.Any(a => a.Status.IsInQueue() != positions.ContainsKey(a.Id)))
                positions = await cache.YearAsync(year.Key, stale: true);
            foreach (var a in year)
                if (a.Status.IsInQueue() && positions.TryGetValue(a.Id, out var position)) result[a.Id] = position;
        }
        return result;
    }

    public async Task<int?> ForAsync(QueueKey application) =>
        (await ForAsync([application])).TryGetValue(application.Id, out var position) ? position : null;
}
