using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;

namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

public sealed record PublishResult(int FreeSeats, DateTimeOffset? PriorityUntil, int Offered);

/// Publishes the free seats of an organisation for an age group. For a state kindergarten this
/// opens a priority window to the end of the 3rd working day after today (Almaty): the first
/// queued children of that birth year in queue order, as many as there are seats not yet offered,
/// are offered a seat (StateSeatOffers) ("Принято решение (Направлено уведомление)") and notified; when the window ends
/// (EndPriorityWindowsJob) the seats still free are open to every queued child of that year.
public sealed class SeatPublisher(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, StateSeatOffers offers,
    Jobs.IAfterCommit afterCommit)
{
    public async Task<PublishResult> PublishAsync(int organisationId, int birthYear, int freeSeats, string actor, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                var now = clock.GetUtcNow();
                var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct)
                    ?? throw new DomainException("organisation.not-found", new("Дошкольная организация не найдена."));
                var seat = await db.Seats.FromSql($"select * from seats where organisation_id = {organisationId} and birth_year = {birthYear} for update")
                    .SingleOrDefaultAsync(ct);
                var before = seat?.FreeSeats ?? 0;
                // A correction inside a running window keeps that window (its offers run to its end).
                DateTimeOffset? window = organisation.Type != OrganisationType.State || freeSeats == 0 ? null
                    : seat?.PriorityUntil >= now ? seat?.PriorityUntil
                    : PortalRules.StateSeatWindowEnd(await calendars.GetAsync(ct), now);
                if (seat is null) db.Seats.Add(seat = new SeatAvailability(organisationId, birthYear, freeSeats, now, actor));
                seat.Publish(freeSeats, window, now, actor);
                await db.SaveChangesAsync(ct);
                var offered = window is null ? 0 : await offers.OfferAsync(birthYear, window.Value, now, ct);
                db.Add(new SeatChange(organisationId, birthYear, before, freeSeats, window, offered, now, actor));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                if (offered > 0) afterCommit.NotificationsWritten();
                return new PublishResult(freeSeats, window, offered);
            });
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
