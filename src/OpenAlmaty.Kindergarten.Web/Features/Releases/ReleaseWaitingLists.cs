using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// A release's seat that comes back (an offer declined or expired, a referral from the release
/// annulled or cancelled) goes to the first child on that pool's waiting list who is still
/// eligible and does not hold a seat they ranked at least as high; the seat that child held (a
/// worse choice) goes onward the same way. A seat nobody on the list can take goes back to the
/// first-come seats.
///
/// One transaction per release: the release's pools are locked first (FOR UPDATE, in id order, as
/// every writer of pools does), then its held offers; so it is safe to run twice or in two
/// processes, and a parent's signature on an offer that was just replaced is refused.
public sealed class ReleaseWaitingLists(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, ILogger<ReleaseWaitingLists> log)
{
    private sealed record Child(ApplicationStatus Status, DateOnly BirthDate, DateTimeOffset? StopListedUntil);

    /// Releases with something to move: an open offer past its deadline, a referral that ended,
    /// or a vacant seat.
    public Task<List<long>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Releases.Where(r => r.Status == ReleaseStatus.Allocated && (
                db.ReleasePools.Any(p => p.ReleaseId == r.Id && p.Vacant > 0)
                || db.ReleaseOffers.Any(o => o.ReleaseId == r.Id && o.Status == ReleaseOfferStatus.Offered && o.ValidUntil < now)
                || db.ReleaseOffers.Any(o => o.ReleaseId == r.Id && o.Status == ReleaseOfferStatus.Accepted
                    && db.Referrals.Any(f => f.Id == o.ReferralId && (f.Status == ReferralStatus.Annulled || f.Status == ReferralStatus.Cancelled)))))
            .Select(r => r.Id).ToListAsync(ct);
    }

    /// Locks the release's pools: the first statement of every transaction that changes them.
    public static Task<List<ReleasePool>> LockPoolsAsync(AppDbContext db, long releaseId, CancellationToken ct) =>
        db.ReleasePools.FromSql($"select * from release_pools where release_id = {releaseId} order by id for update").ToListAsync(ct);

    /// The number of new offers made.
    public async Task<int> MoveAsync(long releaseId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var validUntil = (await calendars.GetAsync(ct)).EndOfNthWorkingDayAfter(now, ReleaseOffer.ValidWorkingDays);
        var made = new List<ReleaseOffer>();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var pools = (await LockPoolsAsync(db, releaseId, ct)).ToDictionary(p => p.Id);
            var held = await db.ReleaseOffers.FromSql($"""
                select * from release_offers where release_id = {releaseId}
                and status in ({(int)ReleaseOfferStatus.Offered}, {(int)ReleaseOfferStatus.Accepted}) order by id for update
                """).ToListAsync(ct);
            var ended = await db.Referrals.Where(f => held.Select(o => o.ReferralId).Contains(f.Id)
                && (f.Status == ReferralStatus.Annulled || f.Status == ReferralStatus.Cancelled)).Select(f => f.Id).ToListAsync(ct);
            foreach (var offer in held.ToList())
            {
                if (offer.Status == ReleaseOfferStatus.Offered && now > offer.ValidUntil) offer.Expire(now);
                else if (offer.Status == ReleaseOfferStatus.Accepted && offer.ReferralId is { } r && ended.Contains(r)) offer.EndWithReferral(now);
                else continue;
                pools[offer.PoolId].SeatCameBack();
                held.Remove(offer);
            }
            await db.SaveChangesAsync(ct);

            var entries = await db.ReleaseWaitingEntries.Where(w => pools.Keys.Contains(w.PoolId) && w.LeftAt == null)
                .OrderBy(w => w.PoolId).ThenBy(w => w.Position).ToListAsync(ct);
            var applicationIds = entries.Select(e => e.ApplicationId).Distinct().ToList();
            var children = await db.Applications.Where(a => applicationIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Status, a.Child!.BirthDate, a.StopListedUntil })
                .ToDictionaryAsync(a => a.Id, a => new Child(a.Status, a.BirthDate, a.StopListedUntil), ct);

            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var pool in pools.Values.Where(p => p.Vacant > 0))
                {
                    foreach (var entry in entries.Where(e => e.PoolId == pool.Id && e.LeftAt == null).ToList())
                    {
                        if (pool.Vacant == 0) break;
                        var current = held.SingleOrDefault(o => o.ApplicationId == entry.ApplicationId);
                        var child = children[entry.ApplicationId];
                        var eligible = KindergartenEligibility.Private(child.Status, child.BirthDate, child.StopListedUntil,
                            freePrivateSeatForAgeGroup: true, now).Count == 0;
                        if (!eligible || current is { Status: ReleaseOfferStatus.Accepted } || current?.ChoiceIndex <= entry.ChoiceIndex)
                        {
                            entry.Leave(now);
                            continue;
                        }
                        if (current is not null)
                        {
                            // A better choice came: the worse seat goes onward (saved first, the one-held-offer index is not deferrable).
                            current.Replace(now);
                            pools[current.PoolId].SeatCameBack();
                            held.Remove(current);
                            await db.SaveChangesAsync(ct);
                        }
                        var offer = new ReleaseOffer(releaseId, pool.Id, entry.RequestId, entry.ApplicationId, entry.ChoiceIndex, true, now, validUntil);
                        pool.SeatOffered();
                        db.ReleaseOffers.Add(offer);
                        held.Add(offer);
                        made.Add(offer);
                        foreach (var e in entries.Where(e => e.ApplicationId == entry.ApplicationId && e.ChoiceIndex >= entry.ChoiceIndex)) e.Leave(now);
                        await db.SaveChangesAsync(ct);
                        moved = true;
                    }
                }
            }
            await ReturnToFirstComeAsync(pools.Values, entries, now, ct);
            await db.SaveChangesAsync(ct);
            await Outbox.ReleaseOffersAsync(db, [.. made.Select(o => o.Id)], ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        if (made.Count > 0) log.LogInformation("Release {ReleaseId}: {Offers} seats offered from the waiting lists", releaseId, made.Count);
        return made.Count;
    }

    private async Task ReturnToFirstComeAsync(IEnumerable<ReleasePool> pools, List<ReleaseWaitingEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var pool in pools.Where(p => p.Vacant > 0 && !entries.Any(e => e.PoolId == p.Id && e.LeftAt == null)))
        {
            var seats = pool.ReturnVacantToFirstCome();
            var updated = await db.Database.ExecuteSqlAsync($"""
                update seats set free_seats = free_seats + {seats}, updated_at = {now}, updated_by = {"распределение мест"}
                where organisation_id = {pool.OrganisationId} and birth_year = {pool.BirthYear}
                """, ct);
            if (updated == 0) db.Seats.Add(new SeatAvailability(pool.OrganisationId, pool.BirthYear, seats, now, "распределение мест"));
        }
    }
}
