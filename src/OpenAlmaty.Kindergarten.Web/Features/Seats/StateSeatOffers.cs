using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

/// State seats are offered to the children next in the queue of their birth year, for the
/// priority window (PortalRules.StateSeatWindowWorkingDays), never to more children than there are
/// seats: the offers still running count against the free seats in a window (issue 11, defect 2).
/// A seat that comes back (an expired, cancelled or declined state referral) is offered the same
/// way, not opened to everyone (defect 3). Always inside the caller's transaction.
public sealed class StateSeatOffers(AppDbContext db, WorkingCalendarSource calendars)
{
    private sealed record Candidate(long Id, int PriorityGroup, DateTimeOffset QueuedAt, int Status, DateTimeOffset? StopListedUntil, DateOnly BirthDate);

    /// The one hook for "a state seat came back": call it in the transaction that gave the seat
    /// back (expiry job, staff cancel, the parent's decline). Opens (or keeps) the seat's window and
    /// offers what is not yet offered. Does nothing for a private organisation. Returns the offers made.
    public async Task<int> OfferReturnedSeatAsync(int organisationId, int birthYear, DateTimeOffset now, CancellationToken ct)
    {
        var type = await db.Organisations.Where(o => o.Id == organisationId).Select(o => (OrganisationType?)o.Type).SingleOrDefaultAsync(ct);
        if (type != OrganisationType.State) return 0;
        DateTimeOffset window;
        try
        {
            window = PortalRules.StateSeatWindowEnd(await calendars.GetAsync(ct), now);
        }
        catch (Domain.Common.DomainException e) when (e.Code == "calendar.year-missing")
        {
            // No window can be counted without next year's calendar (the admin pages say so): the
            // seat is given back without one rather than failing the expiry or the cancel with it.
            return 0;
        }
        // Extends a window that ends sooner, never shortens one; only a seat that is free gets one.
        await using (var open = Jobs.JobSql.Command(db, """
            update seats set priority_until = greatest(coalesce(priority_until, @window), @window)
            where organisation_id = @org and birth_year = @year and free_seats > 0
            """, [new("window", window), new("org", organisationId), new("year", birthYear)]))
        {
            if (await open.ExecuteNonQueryAsync(ct) == 0) return 0;
        }
        return await OfferAsync(birthYear, window, now, ct);
    }

    /// Offers seats in a window to the next children of the birth year, as many as the free seats in
    /// a window outnumber the offers still running. Call after the seats themselves are saved.
    public async Task<int> OfferAsync(int birthYear, DateTimeOffset windowEnd, DateTimeOffset now, CancellationToken ct)
    {
        // A window or an offer still holds in its last second (Deadline): ends after PassedBy are running.
        var passedBy = Domain.Common.Deadline.PassedBy(now);
        var open = await db.Database.SqlQuery<int>($"""
            select (coalesce((select sum(s.free_seats) from seats s join organisations o on o.id = s.organisation_id
                              where s.birth_year = {birthYear} and o.type = {(int)OrganisationType.State} and o.is_active
                                and s.priority_until > {passedBy}), 0)
                  - (select count(*) from applications
                     where birth_year = {birthYear} and status = app_status_notified() and offered_until > {passedBy}))::int as "Value"
            """).SingleAsync(ct);
        if (open <= 0) return 0;
        var queue = await db.Database.SqlQuery<Candidate>($"""
            select a.id, a.priority_group, a.queued_at, a.status, a.stop_listed_until, c.birth_date
            from applications a join children c on c.id = a.child_id
            where a.birth_year = {birthYear} and app_status_in_queue(a.status)
            """).ToListAsync(ct);
        // Children already offered a seat keep their place in the order but are not offered twice;
        // a child in the stop-list, or who has reached the upper age, cannot take a referral, so the
        // offer goes to the next one.
        var ids = QueueOrder.Arrange(queue, c => (PriorityGroup)c.PriorityGroup, c => c.QueuedAt, c => c.Id)
            .Where(c => c.Status == (int)ApplicationStatus.Queued && !(c.StopListedUntil is { } until && Domain.Common.Deadline.IsOpen(until, now))
                && !QueueAge.HasAgedOut(c.BirthDate, now))
            .Take(open).Select(c => c.Id).ToArray();
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
