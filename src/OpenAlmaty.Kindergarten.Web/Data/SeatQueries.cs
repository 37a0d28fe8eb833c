using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Data;

public static class SeatQueries
{
    /// "Any free seat left?" for one organisation and birth year: the cheap look the press takes
    /// before the signature and the seat transaction takes again after its row lock.
    public static Task<bool> AnyFreeAsync(this IQueryable<SeatAvailability> seats, int organisationId, int birthYear, CancellationToken ct) =>
        seats.AnyAsync(s => s.OrganisationId == organisationId && s.BirthYear == birthYear && s.FreeSeats > 0, ct);

    /// A referral's seat goes back to the organisation and age group it was taken from, in the
    /// caller's transaction: the same upsert as ExpireReferralsJob's "seats_back" step, for the
    /// one-at-a-time returns (a parent's decline, staff cancelling a referral). Where a returned
    /// state seat is to be offered to the next child in queue order, this is the place to call it.
    public static Task<int> ReturnSeatAsync(this AppDbContext db, int organisationId, int birthYear, DateTimeOffset now, string actor,
        CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            insert into seats (organisation_id, birth_year, free_seats, updated_at, updated_by)
            values ({organisationId}, {birthYear}, 1, {now}, {actor})
            on conflict (organisation_id, birth_year) do update
            set free_seats = seats.free_seats + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct);

    /// A referral's seat back where it came from — unless it was a release's seat: that one goes
    /// to the release's waiting list (ReleaseWaitingListsJob), not to whoever presses first.
    public static async Task ReturnReferralSeatAsync(this AppDbContext db, Domain.Referrals.Referral referral, DateTimeOffset now, string actor,
        CancellationToken ct)
    {
        if (await db.ReleaseOffers.AnyAsync(o => o.ReferralId == referral.Id, ct)) return;
        await db.ReturnSeatAsync(referral.OrganisationId, referral.BirthYear, now, actor, ct);
    }
}
