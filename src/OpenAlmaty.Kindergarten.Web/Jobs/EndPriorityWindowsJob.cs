using Microsoft.EntityFrameworkCore;
using System.Data;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Web.Data;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// State seats: when the 3-working-day priority window ends, the children who were offered a seat
/// and did not take it go back to "В очереди" (Application.EndOffer, as SQL), and the seats still
/// free open to every queued child of that birth year. A window holds through the whole last
/// second of its day (Deadline): it ends once it is at or before PassedBy(now).
public sealed class EndPriorityWindowsJob(AppDbContext db, TimeProvider clock)
{
    public int BatchSize { get; init; } = 2000;

    // app_status_notified(): matches ix_applications_offer_end when the statement is planned.
    private const string EndOffersSql = """
        with due as (
            select id from applications where status = app_status_notified() and offered_until <= @passed
            order by id limit @batch for update skip locked
        ),
        ended as (
            update applications a set status = @s_queued, offered_until = null, status_changed_at = @now
            from due where a.id = due.id and a.status = @s_notified
            returning a.id
        ),
        events as (
            insert into application_events (application_id, at, kind, actor, from_status, to_status, reason)
            select id, @now, @k_offer_ended, @actor, @s_notified, @s_queued, @reason from ended order by id
        )
        select count(*) from ended
        """;

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var ended = await CountAsync(db, EndOffersSql,
                [P("now", now), P("passed", Deadline.PassedBy(now)), P("batch", BatchSize), P("actor", ApplicationEvent.SystemActor), P("reason", RuleTexts.History.OfferEnded),
                 P("k_offer_ended", (int)ApplicationEventKind.OfferEnded), .. StatusSql.Parameters()], ct);
            await tx.CommitAsync(ct);
            total += ended;
            if (ended < BatchSize) break;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct))
        {
            await using var open = Command(db, "update seats set priority_until = null where priority_until <= @passed", [P("passed", Deadline.PassedBy(now))]);
            await open.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
        return total;
    }
}
