using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// Opens a release when its window opens (the seed is drawn) and allocates it when the window
/// closes: the requests still eligible, in the release's priority order, go through
/// DeferredAcceptance; offers, waiting lists and the published document are written and the seed
/// is revealed, all in one transaction under the release's row lock, guarded by its status, so a
/// second run (or a second process) finds it allocated and does nothing.
public sealed class ReleaseAllocator(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, ReleaseWaitingLists waitingLists,
    ILogger<ReleaseAllocator> log)
{
    private sealed record Candidate(ReleaseRequest Request, ApplicationStatus Status, DateOnly BirthDate, DateTimeOffset? StopListedUntil, int BirthYear);

    public async Task<int> OpenDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Releases.Where(r => r.Status == ReleaseStatus.Draft && r.OpensAt <= now).Select(r => r.Id).ToListAsync(ct);
        var opened = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var release = await LockAsync(id, ct);
            if (release.Open(now)) opened++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return opened;
    }

    public async Task<IReadOnlyList<long>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Releases.Where(r => (r.Status == ReleaseStatus.Draft || r.Status == ReleaseStatus.Open) && r.ClosesAt <= now)
            .OrderBy(r => r.ClosesAt).Select(r => r.Id).ToListAsync(ct);
    }

    /// False when the release is not due or was allocated already.
    public async Task<bool> AllocateAsync(long releaseId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct))
            {
                var release = await LockAsync(releaseId, ct);
                if (!release.IsDueToAllocate(now)) return false;
                release.Open(now);
                var pools = await db.ReleasePools.Where(p => p.ReleaseId == releaseId).OrderBy(p => p.Id).ToListAsync(ct);
                var candidates = await CandidatesAsync(releaseId, ct);
                var eligible = candidates.Where(c => KindergartenEligibility.Private(c.Status, c.BirthDate, c.StopListedUntil,
                    freePrivateSeatForAgeGroup: true, now).Count == 0).ToList();
                var ranks = await QueueRanksAsync(eligible, ct);
                var input = new AllocationInput(release.Rule, release.Seed!, [.. pools.Select(p => new SeatPool(p.PoolKey, p.Seats))],
                    [.. eligible.Select(c => new AllocationRequest(c.Request.Pseudonym, [.. c.Request.RankedPoolIds.Select(Key)], ranks[c.Request.Id]))]);
                var result = DeferredAcceptance.Allocate(input);

                var byPseudonym = candidates.ToDictionary(c => c.Request.Pseudonym);
                var validUntil = calendar.EndOfNthWorkingDayAfter(now, ReleaseOffer.ValidWorkingDays);
                var positionInYear = new Dictionary<int, long>();
                var offers = new List<ReleaseOffer>();
                foreach (var placement in result.Placements)
                {
                    var c = byPseudonym[placement.Pseudonym];
                    // "You are 41st": the place among this release's requests of the same age group.
                    var position = positionInYear[c.BirthYear] = positionInYear.GetValueOrDefault(c.BirthYear) + 1;
                    long? poolId = placement.PoolId is null ? null : long.Parse(placement.PoolId, System.Globalization.CultureInfo.InvariantCulture);
                    c.Request.RecordPlacement(true, position, poolId, placement.ChoiceIndex);
                    if (poolId is { } pool)
                        offers.Add(new ReleaseOffer(releaseId, pool, c.Request.Id, c.Request.ApplicationId, placement.ChoiceIndex!.Value - 1, false, now, validUntil));
                }
                foreach (var c in candidates.Except(eligible)) c.Request.RecordPlacement(false, null, null, null);
                foreach (var (poolKey, pseudonyms) in result.WaitingLists)
                {
                    var poolId = long.Parse(poolKey, System.Globalization.CultureInfo.InvariantCulture);
                    for (var i = 0; i < pseudonyms.Count; i++)
                    {
                        var request = byPseudonym[pseudonyms[i]].Request;
                        db.ReleaseWaitingEntries.Add(new ReleaseWaitingEntry(poolId, request.Id, request.ApplicationId, i + 1,
                            Array.IndexOf(request.RankedPoolIds, poolId)));
                    }
                }
                foreach (var outcome in result.Pools) pools.Single(p => p.PoolKey == outcome.PoolId).Allocated(outcome.Admitted);
                db.ReleaseOffers.AddRange(offers);
                release.RecordAllocation(AllocationJson.Write(AllocationDocument.Of(release.Title, input, result, revealSeed: true)), now);
                await db.SaveChangesAsync(ct);
                await Outbox.ReleaseOffersAsync(db, [.. offers.Select(o => o.Id)], ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Release {ReleaseId} allocated: {Requests} requests, {Offers} offers", releaseId, eligible.Count, offers.Count);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        // Seats nobody ranked go back to first come; the waiting lists are empty for them.
        await waitingLists.MoveAsync(releaseId, ct);
        return true;
    }

    private static string Key(long poolId) => poolId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<Release> LockAsync(long id, CancellationToken ct) =>
        db.Releases.FromSql($"select * from releases where id = {id} for update").SingleAsync(ct);

    private async Task<List<Candidate>> CandidatesAsync(long releaseId, CancellationToken ct)
    {
        var rows = await db.ReleaseRequests.Where(r => r.ReleaseId == releaseId && r.SupersededAt == null)
            .Join(db.Applications, r => r.ApplicationId, a => a.Id,
                (r, a) => new { Request = r, a.Status, a.Child!.BirthDate, a.StopListedUntil, a.BirthYear })
            .ToListAsync(ct);
        return [.. rows.Select(x => new Candidate(x.Request, x.Status, x.BirthDate, x.StopListedUntil, x.BirthYear))];
    }

    /// The queue the parent sees (Domain QueueOrder over the whole birth year, as it stands now),
    /// numbered across the years in the release: children of different years never compete for a
    /// pool, so interleaving the years changes nothing.
    private async Task<Dictionary<long, long>> QueueRanksAsync(IReadOnlyList<Candidate> eligible, CancellationToken ct)
    {
        var positions = new List<(long RequestId, int Year, int Position)>();
        foreach (var year in eligible.Select(c => c.BirthYear).Distinct())
        {
            var queue = await db.Applications.AsNoTracking()
                .Where(a => a.BirthYear == year && (a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified))
                .Select(a => new { a.Id, a.PriorityGroup, a.QueuedAt }).ToListAsync(ct);
            var order = QueueOrder.Arrange(queue, a => a.PriorityGroup, a => a.QueuedAt, a => a.Id);
            var place = new Dictionary<long, int>(order.Count);
            for (var i = 0; i < order.Count; i++) place[order[i].Id] = i + 1;
            positions.AddRange(eligible.Where(c => c.BirthYear == year).Select(c => (c.Request.Id, year, place[c.Request.ApplicationId])));
        }
        var ranks = new Dictionary<long, long>();
        long next = 1;
        foreach (var p in positions.OrderBy(p => p.Position).ThenBy(p => p.Year)) ranks[p.RequestId] = next++;
        return ranks;
    }
}
