using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Choose;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// What the parent sees of one release for one of their applications. Ownership is part of the
/// application look-up (PickerQuery.ApplicationAsync); only this application's request, place
/// and offers are read, and of other children only counts.
public sealed class ReleasePageQuery(AppDbContext db, TimeProvider clock)
{
    public Task<List<ReleaseLink>> LinksAsync(long applicationId, int birthYear, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Releases.AsNoTracking()
            .Where(r => r.Pools.Any(p => p.BirthYear == birthYear)
                && ((r.Status != ReleaseStatus.Allocated && r.ClosesAt > now && r.OpensAt <= now.AddDays(14))
                    || db.ReleaseRequests.Any(q => q.ReleaseId == r.Id && q.ApplicationId == applicationId)))
            .OrderByDescending(r => r.ClosesAt)
            .Select(r => new ReleaseLink(r.Id, r.Title, r.Status, r.ClosesAt, db.ReleaseRequests.Any(q => q.ReleaseId == r.Id && q.ApplicationId == applicationId)))
            .Take(10).ToListAsync(ct);
    }

    /// The release, if it has seats for the child's age group. Its pools are not read here: the
    /// page reads the few it names (CardsAsync) and one page of the rest (BrowseAsync).
    public Task<Release?> ReleaseAsync(long releaseId, int birthYear, CancellationToken ct) =>
        db.Releases.AsNoTracking()
            .Where(r => r.Id == releaseId && db.ReleasePools.Any(p => p.ReleaseId == releaseId && p.BirthYear == birthYear))
            .SingleOrDefaultAsync(ct);

    /// The named pools of the release (at most the five ranked, the signed ones and the offers'), whatever their age group.
    public async Task<Dictionary<long, PoolCard>> CardsAsync(long releaseId, IEnumerable<long> poolIds, CancellationToken ct)
    {
        var ids = poolIds.Distinct().ToArray();
        if (ids.Length == 0) return [];
        return await Cards(db.ReleasePools.AsNoTracking().Where(p => p.ReleaseId == releaseId && ids.Contains(p.Id)))
            .ToDictionaryAsync(c => c.PoolId, ct);
    }

    /// One page of the release's pools for the age group, filtered, counted and paged in the database.
    public async Task<(List<PoolCard> Shown, int Total, int Page)> BrowseAsync(long releaseId, int birthYear, PickerFilter filter, int? page,
        CancellationToken ct)
    {
        var pools = db.ReleasePools.AsNoTracking().Where(p => p.ReleaseId == releaseId && p.BirthYear == birthYear);
        if (filter.District is { } district) pools = pools.Where(p => p.Organisation!.District == district);
        if (filter.Language is { } language) pools = pools.Where(p => p.Organisation!.Language == language);
        if (filter.Pattern is { } pattern)
            pools = pools.Where(p => EF.Functions.ILike(p.Organisation!.NameRu, pattern) || EF.Functions.ILike(p.Organisation!.NameKk, pattern)
                || EF.Functions.ILike(p.Organisation!.Address, pattern));
        var total = await pools.CountAsync(ct);
        var number = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + PoolBrowse.PageSize - 1) / PoolBrowse.PageSize));
        var shown = await Cards(pools.OrderBy(p => p.Organisation!.NameRu).ThenBy(p => p.Id).Skip((number - 1) * PoolBrowse.PageSize).Take(PoolBrowse.PageSize))
            .ToListAsync(ct);
        return (shown, total, number);
    }

    private static IQueryable<PoolCard> Cards(IQueryable<ReleasePool> pools) =>
        pools.Select(p => new PoolCard(p.Id, p.BirthYear, new OrganisationCard(p.OrganisationId, p.Organisation!.NameRu, p.Organisation.NameKk,
            p.Organisation.Type, p.Organisation.Language, p.Organisation.District, p.Organisation.Address, p.Organisation.Phones,
            p.Organisation.Website, p.Organisation.Latitude, p.Organisation.Longitude, p.Seats)));

    public Task<ReleaseRequest?> CurrentRequestAsync(long releaseId, long applicationId, CancellationToken ct) =>
        db.ReleaseRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ReleaseId == releaseId && r.ApplicationId == applicationId && r.SupersededAt == null, ct);

    public async Task<List<OfferView>> OffersAsync(long releaseId, long applicationId, CancellationToken ct)
    {
        var offers = await db.ReleaseOffers.AsNoTracking().Where(o => o.ReleaseId == releaseId && o.ApplicationId == applicationId)
            .OrderByDescending(o => o.Id).ToListAsync(ct);
        var pools = await CardsAsync(releaseId, offers.Select(o => o.PoolId), ct);
        return [.. offers.Select(o => new OfferView(o.Id, pools[o.PoolId], o.ChoiceIndex, o.Status, o.ValidUntil, o.FromWaitingList))];
    }

    /// For each pool ranked above the result: how many it admitted and the last place admitted.
    public async Task<List<WhyNot>> WhyNotAsync(ReleaseRequest request, IReadOnlyDictionary<long, PoolCard> pools, CancellationToken ct)
    {
        if (request.PriorityPosition is not { } mine) return [];
        var above = request.ChoiceIndex is { } got ? request.RankedPoolIds.Take(got - 1).ToList() : [.. request.RankedPoolIds];
        var outcome = await db.ReleaseRequests.AsNoTracking()
            .Where(r => r.ReleaseId == request.ReleaseId && r.SupersededAt == null && r.PlacedPoolId != null && above.Contains(r.PlacedPoolId.Value))
            .GroupBy(r => r.PlacedPoolId!.Value).Select(g => new { g.Key, Admitted = g.Count(), Last = g.Max(r => r.PriorityPosition) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. above.Select((poolId, i) => new WhyNot(pools[poolId], i,
            outcome.GetValueOrDefault(poolId)?.Admitted ?? 0, outcome.GetValueOrDefault(poolId)?.Last, mine))];
    }
}
