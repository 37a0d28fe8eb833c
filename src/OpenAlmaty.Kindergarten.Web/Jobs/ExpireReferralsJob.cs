using Microsoft.EntityFrameworkCore;
using System.Data;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Referrals not used by their deadline (the end of the 5th working day after issue) are annulled:
/// the seat goes back, the application returns to its original place (its queue date was never
/// changed) with a stop-list to the end of the 10th working day after today, or leaves the queue on
/// its second expiry. Application.ExpireReferral states the same rules for one application; this is
/// that rule as one statement per batch, and a test proves both end in the same state.
///
/// Safe to run twice or in two processes: the batch is locked with FOR UPDATE … SKIP LOCKED and
/// every UPDATE repeats its status guard. One transaction per batch, so a kill half-way leaves
/// nothing half-done. A missed run is caught up: the query is "valid_until &lt; now", not "today".
public sealed class ExpireReferralsJob(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars)
{
    public const int StopListWorkingDays = 10;
    public const int DefaultBatchSize = 2000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    private static readonly string Sql = $"""
        with due as (
            select r.id
            from referrals r join applications a on a.id = r.application_id
            where r.status = 1 and r.valid_until <= @passed_by and a.status = 3
            order by r.valid_until, r.id
            limit @batch
            for update of r, a skip locked
        ),
        closed as (
            update referrals r set status = 3, closed_at = @now, close_reason = @close_reason
            from due where r.id = due.id and r.status = 1
            returning r.id, r.application_id, r.organisation_id, r.birth_year, r.number
        ),
        apps as (
            update applications a
            set expired_referral_count = a.expired_referral_count + 1,
                status = case when a.expired_referral_count + 1 >= 2 then 5 else 1 end,
                status_changed_at = @now,
                stop_listed_until = case when a.expired_referral_count + 1 >= 2 then a.stop_listed_until else @until end
            from closed c
            where a.id = c.application_id and a.status = 3
            returning a.id, a.status, c.id as referral_id, c.number
        ),
        seats_back as (
            insert into seats (organisation_id, birth_year, free_seats, updated_at, updated_by)
            select organisation_id, birth_year, count(*), @now, @actor from closed group by organisation_id, birth_year
            on conflict (organisation_id, birth_year) do update
            set free_seats = seats.free_seats + excluded.free_seats, updated_at = excluded.updated_at, updated_by = excluded.updated_by
        ),
        events as (
            insert into application_events (application_id, at, kind, actor, from_status, to_status, reason)
            select x.id, @now, e.kind, @actor, 3, e.to_status, e.reason
            from apps x
            cross join lateral (values
                (1, {(int)ApplicationEventKind.ReferralAnnulled}, 3, replace(@annulled_reason, @number_placeholder, x.number)),
                (2, case when x.status = 5 then {(int)ApplicationEventKind.RemovedFromQueue} else {(int)ApplicationEventKind.StopListed} end,
                    x.status, case when x.status = 5 then @removed_reason else @stop_listed_reason end)
            ) e(seq, kind, to_status, reason)
            order by x.id, e.seq
        ),
        stops as (
            insert into stop_list_entries (application_id, "from", until, reason)
            select id, @now, @until, @stop_reason from apps where status = 1 order by id
        ),
        notes as (
            {Outbox.InsertSql($"""
                select x.id as application_id, x.referral_id,
                       case when x.status = 5 then {(int)NotificationKind.RemovedFromQueue} else {(int)NotificationKind.ReferralAnnulled} end as kind,
                       'annulled:' || x.referral_id as dedup_key,
                       case when x.status = 5 then {Outbox.Subject(NotificationKind.RemovedFromQueue)} else {Outbox.Subject(NotificationKind.ReferralAnnulled)} end as subject,
                       case when x.status = 5 then {Outbox.Body(NotificationKind.RemovedFromQueue)} else {Outbox.Body(NotificationKind.ReferralAnnulled)} end as body,
                       x.number, null::text as organisation,
                       case when x.status = 5 then null else @until end as until_at, @now as created_at
                from apps x
                """)}
        )
        select count(*) from apps
        """;

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        // Every referral in this run is annulled now, so there is one annulment day: today in Almaty.
        var until = calendar.EndOfNthWorkingDayAfter(now, StopListWorkingDays);
        var total = 0;
        while (true)
        {
            var expired = await ExpireBatchAsync(now, until, ct);
            total += expired;
            if (expired < BatchSize) return total;
        }
    }

    private async Task<int> ExpireBatchAsync(DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var count = await CountAsync(db, Sql,
        [
            P("now", now), P("passed_by", Deadline.PassedBy(now)), P("until", until), P("batch", BatchSize), P("actor", ApplicationEvent.SystemActor),
            P("close_reason", "Направление не использовано в течение 5 рабочих дней"),
            P("number_placeholder", "{number}"),
            P("annulled_reason", "Направление № {number} аннулировано: ребёнок не прибыл в течение 5 рабочих дней"),
            P("removed_reason", "Срок действия направления просрочен 2 раза: ребёнок автоматически снят с очереди"),
            P("stop_listed_reason", $"Возвращено в очередь на прежнее место; в стоп-листе до {AlmatyTime.Format(until)}"),
            P("stop_reason", "Направление не использовано в срок"),
            .. Outbox.Parameters(NotificationKind.ReferralAnnulled, NotificationKind.RemovedFromQueue),
        ], ct);
        await tx.CommitAsync(ct);
        return count;
    }
}
