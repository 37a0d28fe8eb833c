using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

public sealed record PoolStat(long Id, int OrganisationId, string NameRu, string NameKk, OrganisationType Kind, District District, int BirthYear,
    int Seats, int Ranked, int RankedFirst, int Admitted, long? LastAdmitted, int Vacant, int ReturnedToFirstCome, int Waiting,
    int OffersOpen, int Accepted);

public sealed record ReleaseSummary(long Id, string Title, AllocationRule Rule, ReleaseStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    string? SeedHash, string? Seed, DateTimeOffset? AllocatedAt, int Requests, int Eligible, IReadOnlyList<int> GotChoice, int GotNone,
    IReadOnlyList<PoolStat> Pools)
{
    public int Seats => Pools.Sum(p => p.Seats);
}

/// Counts of one release for the staff page and the public page: no personal data.
public sealed class ReleaseStats(AppDbContext db)
{
    public async Task<ReleaseSummary?> ForAsync(long releaseId, CancellationToken ct)
    {
        var release = await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null) return null;
        var requests = await db.ReleaseRequests.AsNoTracking().Where(r => r.ReleaseId == releaseId && r.SupersededAt == null)
            .Select(r => new { r.RankedPoolIds, r.PlacedPoolId, r.ChoiceIndex, r.PriorityPosition, r.Eligible }).ToListAsync(ct);
        var offers = await db.ReleaseOffers.AsNoTracking().Where(o => o.ReleaseId == releaseId)
            .GroupBy(o => new { o.PoolId, o.Status }).Select(g => new { g.Key.PoolId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var waiting = await db.ReleaseWaitingEntries.AsNoTracking().Where(w => w.LeftAt == null && db.ReleasePools.Any(p => p.Id == w.PoolId && p.ReleaseId == releaseId))
            .GroupBy(w => w.PoolId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pools = await db.ReleasePools.AsNoTracking().Where(p => p.ReleaseId == releaseId).OrderBy(p => p.Organisation!.NameRu).ThenBy(p => p.BirthYear)
            .Select(p => new { p.Id, p.OrganisationId, p.Organisation!.NameRu, p.Organisation.NameKk, p.Kind, p.Organisation.District, p.BirthYear,
                p.Seats, p.Vacant, p.ReturnedToFirstCome })
            .ToListAsync(ct);
        int Offers(long pool, ReleaseOfferStatus status) => offers.Where(o => o.PoolId == pool && o.Status == status).Sum(o => o.Count);
        var stats = pools.Select(p =>
        {
            var placed = requests.Where(r => r.PlacedPoolId == p.Id).ToList();
            return new PoolStat(p.Id, p.OrganisationId, p.NameRu, p.NameKk, p.Kind, p.District, p.BirthYear, p.Seats,
                requests.Count(r => r.RankedPoolIds.Contains(p.Id)), requests.Count(r => r.RankedPoolIds.Length > 0 && r.RankedPoolIds[0] == p.Id),
                placed.Count, placed.Max(r => r.PriorityPosition), p.Vacant, p.ReturnedToFirstCome, waiting.GetValueOrDefault(p.Id),
                Offers(p.Id, ReleaseOfferStatus.Offered), Offers(p.Id, ReleaseOfferStatus.Accepted));
        }).ToList();
        var got = Enumerable.Range(1, ReleaseRequest.MaxChoices).Select(i => requests.Count(r => r.ChoiceIndex == i)).ToList();
        var seed = release.RevealedSeed is { } s ? Convert.ToHexStringLower(s) : null;
        return new ReleaseSummary(release.Id, release.Title, release.Rule, release.Status, release.OpensAt, release.ClosesAt, release.SeedHash, seed,
            release.AllocatedAt, requests.Count, requests.Count(r => r.Eligible == true), got,
            requests.Count(r => r.Eligible == true && r.PlacedPoolId == null), stats);
    }
}
