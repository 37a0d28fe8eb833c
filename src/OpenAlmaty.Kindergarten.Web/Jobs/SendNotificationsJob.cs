using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Delivers the outbox. A batch is locked with FOR UPDATE SKIP LOCKED for the time of its
/// delivery, so two processes never take the same message; the results are written back in one
/// UPDATE before the commit. A failure is retried with a growing pause, up to
/// <see cref="MaxAttempts"/> times. If the process dies between sending and committing, the
/// batch is sent again (at least once is the only promise e-mail and SMS can keep).
public sealed class SendNotificationsJob(AppDbContext db, TimeProvider clock, IEnumerable<INotificationSender> senders,
    ILogger<SendNotificationsJob> log)
{
    public const int MaxAttempts = 8;

    public int BatchSize { get; init; } = 50;

    private sealed record Row(long Id, int Channel, string Recipient, string Subject, string Body, int Attempts);

    /// 1, 2, 4, … minutes, at most six hours.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var (taken, delivered) = await DeliverBatchAsync(ct);
            sent += delivered;
            if (taken < BatchSize) break;
        }
        // What is left for later (retries not yet due, or more than one run takes): the backlog.
        PortalMetrics.Backlog(await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.FailedAt == null, ct));
        return sent;
    }

    private async Task<(int Taken, int Delivered)> DeliverBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var rows = await db.Database.SqlQuery<Row>($"""
            select id as "Id", channel as "Channel", recipient as "Recipient", subject as "Subject", body as "Body", attempts as "Attempts"
            from notifications
            where sent_at is null and failed_at is null and next_attempt_at <= {now}
            order by next_attempt_at, id limit {BatchSize}
            for update skip locked
            """).ToListAsync(ct);
        List<long> ok = [];
        List<long> failed = [];
        List<string> errors = [];
        List<DateTimeOffset> retryAt = [];
        List<bool> givenUp = [];
        foreach (var row in rows)
        {
            var sender = senders.First(s => (int)s.Channel == row.Channel);
            try
            {
                await sender.SendAsync(new OutgoingMessage(row.Id, (NotificationChannel)row.Channel, row.Recipient, row.Subject, row.Body), ct);
                ok.Add(row.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Notification {Id} not delivered (attempt {Attempt})", row.Id, row.Attempts + 1);
                failed.Add(row.Id);
                errors.Add(e.Message.Length > 2000 ? e.Message[..2000] : e.Message);
                retryAt.Add(now + Backoff(row.Attempts + 1));
                givenUp.Add(row.Attempts + 1 >= MaxAttempts);
            }
        }
        await using (var update = Command(db, """
            update notifications set sent_at = @now, attempts = attempts + 1 where id = any(@ok);
            update notifications n set attempts = n.attempts + 1, last_error = f.error, next_attempt_at = f.retry_at,
                   failed_at = case when f.given_up then @now end
            from unnest(@failed, @errors, @retry_at, @given_up) as f(id, error, retry_at, given_up)
            where n.id = f.id;
            """, [P("now", now), P("ok", ok.ToArray()), P("failed", failed.ToArray()), P("errors", errors.ToArray()),
                P("retry_at", retryAt.ToArray()), P("given_up", givenUp.ToArray())]))
        {
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (rows.Count, ok.Count);
    }
}
