using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Features.Seats;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Referrals not used by their deadline (PortalRules.ReferralValidUntil) are annulled: the seat
/// goes back (a state seat is offered to the next children in the queue, StateSeatOffers), the
/// application returns to its original place (its queue date was never changed) with a stop-list
/// to the end of the 10th working day after the referral's last valid day — the same whenever this
/// job runs — or leaves the queue on its second expiry. Application.ExpireReferral states the same
/// rules for one application; this is that rule as one statement per batch, and a test proves both
/// end in the same state.
///
/// Safe to run twice or in two processes: the batch is locked with FOR UPDATE … SKIP LOCKED and
/// every UPDATE repeats its status guard. One transaction per batch, so a kill half-way leaves
/// nothing half-done. A missed run is caught up: the query is "valid_until &lt; now", not "today".
/// Every text is made in C# (RuleTexts); the SQL gets statuses and numbers as parameters.
public sealed class ExpireReferralsJob(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, StateSeatOffers offers,
    IAfterCommit afterCommit, ILogger<ExpireReferralsJob> log)
{
    public const int DefaultBatchSize = 2000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    private sealed record Due(long Id, DateTimeOffset ValidUntil, string Number, int OrganisationId, int BirthYear, int OrganisationType);

    // app_status_referral_active(): matches ix_referrals_active_deadline when the statement is planned.
    private const string DueSql = """
        select r.id as "Id", r.valid_until as "ValidUntil", r.number as "Number", r.organisation_id as "OrganisationId",
               r.birth_year as "BirthYear", o.type as "OrganisationType"
        from referrals r join applications a on a.id = r.application_id join organisations o on o.id = r.organisation_id
        where r.status = app_status_referral_active() and r.valid_until <= @passed_by and a.status = @s_referred
        order by r.valid_until, r.id
        limit @batch
        for update of r, a skip locked
        """;

    private static readonly string Sql = $"""
        with due as (
            select * from unnest(@ids, @untils, @annulled_reasons, @back_reasons) as d(id, until, annulled_reason, back_reason)
        ),
        closed as (
            update referrals r set status = @r_annulled, closed_at = @now, close_reason = @close_reason
            from due where r.id = due.id and r.status = @r_active
            returning r.id, r.application_id, r.organisation_id, r.birth_year, r.number, due.until, due.annulled_reason, due.back_reason
        ),
        apps as (
            update applications a
            set expired_referral_count = a.expired_referral_count + 1,
                status = case when a.expired_referral_count + 1 >= @expiries then @s_removed else @s_queued end,
                status_changed_at = @now,
                stop_listed_until = case when a.expired_referral_count + 1 >= @expiries then a.stop_listed_until else c.until end
            from closed c
            where a.id = c.application_id and a.status = @s_referred
            returning a.id, a.status, c.id as referral_id, c.number, c.until, c.annulled_reason, c.back_reason
        ),
        seats_back as (
            insert into seats (organisation_id, birth_year, free_seats, updated_at, updated_by)
            select organisation_id, birth_year, count(*), @now, @actor from closed
            -- A release's seat goes back to that release's waiting list (ReleaseWaitingListsJob), not to first come.
            where not exists (select 1 from release_offers o where o.referral_id = closed.id)
            group by organisation_id, birth_year
            on conflict (organisation_id, birth_year) do update
            set free_seats = seats.free_seats + excluded.free_seats, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        ),
        events as (
            insert into application_events (application_id, at, kind, actor, from_status, to_status, reason)
            select x.id, @now, e.kind, @actor, @s_referred, e.to_status, e.reason
            from apps x
            cross join lateral (values
                (1, @k_annulled, @s_referred, x.annulled_reason),
                (2, case when x.status = @s_removed then @k_removed else @k_stop_listed end,
                    x.status, case when x.status = @s_removed then @removed_reason else x.back_reason end)
            ) e(seq, kind, to_status, reason)
            order by x.id, e.seq
        ),
        stops as (
            insert into stop_list_entries (application_id, "from", until, reason)
            select id, @now, until, @stop_reason from apps where status = @s_queued order by id
        ),
        notes as (
            {Outbox.InsertSql($"""
                select x.id as application_id, x.referral_id,
                       case when x.status = @s_removed then {(int)NotificationKind.RemovedFromQueue} else {(int)NotificationKind.ReferralAnnulled} end as kind,
                       'annulled:' || x.referral_id as dedup_key,
                       case when x.status = @s_removed then {Outbox.Subject(NotificationKind.RemovedFromQueue)} else {Outbox.Subject(NotificationKind.ReferralAnnulled)} end as subject,
                       case when x.status = @s_removed then {Outbox.Body(NotificationKind.RemovedFromQueue)} else {Outbox.Body(NotificationKind.ReferralAnnulled)} end as body,
                       x.number, null::text as organisation,
                       case when x.status = @s_removed then null else x.until end as until_at, @now as created_at
                from apps x
                """)}
        )
        select count(*) from apps
        """;

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var total = 0;
        while (true)
        {
            var (expired, taken) = await ExpireBatchAsync(now, calendar, ct);
            total += expired;
            if (taken < BatchSize) return total;
        }
    }

    private async Task<(int Expired, int Taken)> ExpireBatchAsync(DateTimeOffset now, Domain.Calendar.WorkingCalendar calendar, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        List<Due> due = [];
        await using (var select = Command(db, DueSql, [P("passed_by", Domain.Common.Deadline.PassedBy(now)), P("batch", BatchSize), .. StatusSql.Parameters()]))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                due.Add(new Due(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetInt32(5)));
        }
        if (due.Count == 0) return (0, 0);
        var taken = due.Count;
        // Each referral's own stop-list end, from its own last valid day (issue 11, defect 4). One that
        // reaches a year without calendar data is not guessed: it waits for the calendar (the admin
        // pages say so from 1 October) and the rest of the batch goes on.
        var withEnd = due.Select(d => (Due: d, Until: StopListEnd(calendar, d.ValidUntil))).ToList();
        if (withEnd.Any(x => x.Until is null))
            log.LogError("Referrals not annulled: their stop-list reaches a year without calendar data ({Count})", withEnd.Count(x => x.Until is null));
        due = withEnd.Where(x => x.Until is not null).Select(x => x.Due).ToList();
        var untils = withEnd.Where(x => x.Until is not null).Select(x => x.Until!.Value).ToArray();
        if (due.Count == 0) return (0, 0);
        var count = await CountAsync(db, Sql,
        [
            P("now", now), P("actor", ApplicationEvent.SystemActor), P("expiries", PortalRules.ExpiriesBeforeRemoval),
            P("ids", due.Select(d => d.Id).ToArray()), P("untils", untils),
            P("annulled_reasons", due.Select(d => RuleTexts.History.Annulled(d.Number)).ToArray()),
            P("back_reasons", untils.Select(RuleTexts.History.BackInQueue).ToArray()),
            P("close_reason", RuleTexts.History.NotUsedInTime),
            P("removed_reason", RuleTexts.History.RemovedAfterExpiries),
            P("stop_reason", RuleTexts.History.StopListReason),
            P("k_annulled", (int)ApplicationEventKind.ReferralAnnulled), P("k_removed", (int)ApplicationEventKind.RemovedFromQueue),
            P("k_stop_listed", (int)ApplicationEventKind.StopListed),
            .. StatusSql.Parameters(),
            .. Outbox.Parameters(NotificationKind.ReferralAnnulled, NotificationKind.RemovedFromQueue),
        ], ct);
        // A state seat that came back goes to the next children in the queue, in this transaction.
        foreach (var seat in due.Where(d => d.OrganisationType == (int)OrganisationType.State).Select(d => (d.OrganisationId, d.BirthYear)).Distinct())
            await offers.OfferReturnedSeatAsync(seat.OrganisationId, seat.BirthYear, now, ct);
        await tx.CommitAsync(ct);
        if (count > 0) afterCommit.NotificationsWritten();
        return (count, taken);
    }

    private static DateTimeOffset? StopListEnd(Domain.Calendar.WorkingCalendar calendar, DateTimeOffset validUntil)
    {
        try
        {
            return PortalRules.StopListUntil(calendar, validUntil);
        }
        catch (Domain.Common.DomainException e) when (e.Code == "calendar.year-missing")
        {
            return null;
        }
    }
}
