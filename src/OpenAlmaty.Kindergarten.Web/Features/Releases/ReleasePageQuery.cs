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

    public async Task<(Release Release, List<PoolCard> Pools)?> ReleaseAsync(long releaseId, int birthYear, CancellationToken ct)
    {
        var release = await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null) return null;
        var pools = await db.ReleasePools.AsNoTracking().Where(p => p.ReleaseId == releaseId && p.BirthYear == birthYear)
            .OrderBy(p => p.Organisation!.NameRu)
            .Select(p => new PoolCard(p.Id, new OrganisationCard(p.OrganisationId, p.Organisation!.NameRu, p.Organisation.NameKk, p.Organisation.Type,
                p.Organisation.Language, p.Organisation.District, p.Organisation.Address, p.Organisation.Phones, p.Organisation.Website,
                p.Organisation.Latitude, p.Organisation.Longitude, p.Seats)))
            .ToListAsync(ct);
        return (release, pools);
    }

    public Task<ReleaseRequest?> CurrentRequestAsync(long releaseId, long applicationId, CancellationToken ct) =>
        db.ReleaseRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ReleaseId == releaseId && r.ApplicationId == applicationId && r.SupersededAt == null, ct);

    public async Task<List<OfferView>> OffersAsync(long releaseId, long applicationId, IReadOnlyList<PoolCard> pools, CancellationToken ct)
    {
        var offers = await db.ReleaseOffers.AsNoTracking().Where(o => o.ReleaseId == releaseId && o.ApplicationId == applicationId)
            .OrderByDescending(o => o.Id).ToListAsync(ct);
        return [.. offers.Select(o => new OfferView(o.Id, pools.Single(p => p.PoolId == o.PoolId), o.ChoiceIndex, o.Status, o.ValidUntil, o.FromWaitingList))];
    }

    /// For each pool ranked above the result: how many it admitted and the last place admitted.
    public async Task<List<WhyNot>> WhyNotAsync(ReleaseRequest request, IReadOnlyList<PoolCard> pools, CancellationToken ct)
    {
        if (request.PriorityPosition is not { } mine) return [];
        var above = request.ChoiceIndex is { } got ? request.RankedPoolIds.Take(got - 1).ToList() : [.. request.RankedPoolIds];
        var outcome = await db.ReleaseRequests.AsNoTracking()
            .Where(r => r.ReleaseId == request.ReleaseId && r.SupersededAt == null && r.PlacedPoolId != null && above.Contains(r.PlacedPoolId.Value))
            .GroupBy(r => r.PlacedPoolId!.Value).Select(g => new { g.Key, Admitted = g.Count(), Last = g.Max(r => r.PriorityPosition) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. above.Select((poolId, i) => new WhyNot(pools.Single(p => p.PoolId == poolId), i,
            outcome.GetValueOrDefault(poolId)?.Admitted ?? 0, outcome.GetValueOrDefault(poolId)?.Last, mine))];
    }
}
