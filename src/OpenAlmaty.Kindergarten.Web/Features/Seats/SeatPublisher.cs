using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

public sealed record PublishResult(int FreeSeats, DateTimeOffset? PriorityUntil, int Offered);

/// Publishes the free seats of an organisation for an age group. For a state kindergarten this
/// opens a priority window to the end of the 3rd working day after today (Almaty): the first
/// queued children of that birth year in queue order, as many as there are seats, are offered a
/// seat ("Принято решение (Направлено уведомление)") and notified; when the window ends
/// (EndPriorityWindowsJob) the seats still free are open to every queued child of that year.
public sealed class SeatPublisher(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars)
{
    public const int PriorityWorkingDays = 3;

    private sealed record Candidate(long Id, int PriorityGroup, DateTimeOffset QueuedAt, int Status, DateTimeOffset? StopListedUntil);

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
                    ?? throw new DomainException("organisation.not-found", new("Дошкольная организация не найдена.", "Мектепке дейінгі ұйым табылмады."));
                var seat = await db.Seats.FromSql($"select * from seats where organisation_id = {organisationId} and birth_year = {birthYear} for update")
                    .SingleOrDefaultAsync(ct);
                var before = seat?.FreeSeats ?? 0;
                DateTimeOffset? window = organisation.Type == OrganisationType.State && freeSeats > 0
                    ? (await calendars.GetAsync(ct)).EndOfNthWorkingDayAfter(now, PriorityWorkingDays)
                    : null;
                if (seat is null) db.Seats.Add(seat = new SeatAvailability(organisationId, birthYear, freeSeats, now, actor));
                seat.Publish(freeSeats, window, now, actor);
                var offered = window is null ? 0 : await OfferAsync(birthYear, freeSeats, window.Value, now, ct);
                db.Add(new SeatChange(organisationId, birthYear, before, freeSeats, window, offered, now, actor));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new PublishResult(freeSeats, window, offered);
            });
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<int> OfferAsync(int birthYear, int seats, DateTimeOffset windowEnd, DateTimeOffset now, CancellationToken ct)
    {
        var queue = await db.Database.SqlQuery<Candidate>($"""
            select id, priority_group, queued_at, status, stop_listed_until
            from applications where birth_year = {birthYear} and status in (1, 2)
            """).ToListAsync(ct);
        // Children already offered a seat keep their place in the order but are not offered twice;
        // a child in the stop-list cannot take a referral, so the offer goes to the next one.
        var ids = QueueOrder.Arrange(queue, c => (PriorityGroup)c.PriorityGroup, c => c.QueuedAt, c => c.Id)
            .Where(c => c.Status == (int)ApplicationStatus.Queued && !(c.StopListedUntil >= now))
            .Take(seats).Select(c => c.Id).ToArray();
        var applications = await db.Applications.FromSql($"select *, xmin from applications where id = any({ids}) for update skip locked").ToListAsync(ct);
        var offered = applications.Where(a => a.Status == ApplicationStatus.Queued).ToList();
        foreach (var application in offered) application.OfferStateSeat(windowEnd, now);
        await db.SaveChangesAsync(ct);

        const NotificationKind kind = NotificationKind.StateSeatOffered;
        await Outbox.ExecuteAsync(db, Outbox.InsertSql($"""
            select a.id as application_id, null::bigint as referral_id, {(int)kind} as kind,
                   'offered:' || a.id || ':' || to_char(@until at time zone 'UTC', 'YYYYMMDDHH24MISS') as dedup_key,
                   {Outbox.Subject(kind)} as subject, {Outbox.Body(kind)} as body,
                   null::text as number, null::text as organisation, @until as until_at, @now as created_at
            from applications a where a.id = any(@ids)
            """), [.. Outbox.Parameters(kind), new NpgsqlParameter("until", windowEnd), new NpgsqlParameter("now", now),
                new NpgsqlParameter("ids", offered.Select(a => a.Id).ToArray())], ct);
        return offered.Count;
    }
}
