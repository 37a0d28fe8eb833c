using Microsoft.EntityFrameworkCore;
using System.Data;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The stop-list ended by itself (Application.ClearEndedStopList, as SQL): the mark is cleared and
/// the parent is told that referrals are possible again when seats are free. A stop-list holds
/// through the whole last second of its day (Deadline): it ends once it is at or before PassedBy(now).
public sealed class EndStopListsJob(AppDbContext db, TimeProvider clock, IAfterCommit afterCommit)
{
    public int BatchSize { get; init; } = 2000;

    private static readonly string Sql = $"""
        with due as (
            select id, stop_listed_until as until from applications where stop_listed_until <= @passed
            order by id limit @batch for update skip locked
        ),
        cleared as (
            update applications a set stop_listed_until = null
            from due where a.id = due.id and a.stop_listed_until <= @passed
            returning a.id, a.status, due.until
        ),
        notes as (
            {Outbox.InsertSql($"""
                select c.id as application_id, null::bigint as referral_id, {(int)NotificationKind.StopListOver} as kind,
                       'stop-list-over:' || c.id || ':' || to_char(c.until at time zone 'UTC', 'YYYYMMDDHH24MISS') as dedup_key,
                       {Outbox.Subject(NotificationKind.StopListOver)} as subject, {Outbox.Body(NotificationKind.StopListOver)} as body,
                       null::text as number, null::text as organisation, c.until as until_at, @now as created_at
                from cleared c where c.status = any(@s_in_queue)
                """)}
        )
        select count(*) from cleared
        """;

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var cleared = await CountAsync(db, Sql,
                [P("now", now), P("passed", Deadline.PassedBy(now)), P("batch", BatchSize), .. StatusSql.Parameters(), .. Outbox.Parameters(NotificationKind.StopListOver)], ct);
            await tx.CommitAsync(ct);
            if (cleared > 0) afterCommit.NotificationsWritten();
            total += cleared;
            if (cleared < BatchSize) return total;
        }
    }
}
