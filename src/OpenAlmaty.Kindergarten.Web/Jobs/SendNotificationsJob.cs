using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Delivers the outbox. Enqueued after every COMMIT that writes notifications (IAfterCommit); the
/// minute schedule is the safety net and the retry clock.
///
/// No database lock is held while mail is sent: a batch is claimed in one short statement of its
/// own (its next attempt moved <see cref="ClaimMinutes"/> ahead, under FOR UPDATE SKIP LOCKED, so
/// two runs never take the same message), committed, then sent, then the results are written in
/// one more statement. The texts are filled here, in C#, from the stored template and values, and
/// the text sent is kept. A failure is retried with a growing pause, up to <see cref="MaxAttempts"/>
/// times. If the process dies between sending and writing the result, the claim runs out and the
/// message is sent again (at least once is the only promise e-mail and SMS can keep).
public sealed class SendNotificationsJob(AppDbContext db, TimeProvider clock, IEnumerable<INotificationSender> senders,
    ILogger<SendNotificationsJob> log)
{
    public const int MaxAttempts = 8;
    public const int ClaimMinutes = 10;

    public int BatchSize { get; init; } = 50;

    private sealed record Row(long Id, int Channel, string Recipient, string Subject, string Body, int Attempts,
        string Registration, string? Number, string? Organisation, DateTimeOffset? UntilAt);

    private const string ClaimSql = """
        with claimed as (
            update notifications n set next_attempt_at = @claimed_until
            from (select id from notifications
                  where sent_at is null and failed_at is null and next_attempt_at <= @now
                  order by next_attempt_at, id limit @batch
                  for update skip locked) due
            where n.id = due.id
            returning n.id, n.channel, n.recipient, n.subject, n.body, n.attempts, n.application_id, n.number, n.organisation, n.until_at
        )
        select c.id, c.channel, c.recipient, c.subject, c.body, c.attempts, a.registration_number, c.number, c.organisation, c.until_at
        from claimed c join applications a on a.id = c.application_id
        order by c.id
        """;

    /// 1, 2, 4, … minutes, at most six hours.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var sent = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            while (true)
            {
                var (taken, delivered) = await DeliverBatchAsync(ct);
                sent += delivered;
                if (taken < BatchSize) break;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // What is left for later (retries not yet due, or more than one run takes): the backlog.
        PortalMetrics.Backlog(await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.FailedAt == null, ct));
        return sent;
    }

    private async Task<(int Taken, int Delivered)> DeliverBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await ClaimAsync(now, ct);
        List<long> ok = [];
        List<string> subjects = [];
        List<string> bodies = [];
        List<long> failed = [];
        List<string> errors = [];
        List<DateTimeOffset> retryAt = [];
        List<bool> givenUp = [];
        foreach (var row in rows)
        {
            var sender = senders.First(s => (int)s.Channel == row.Channel);
            var subject = NotificationTexts.Fill(row.Subject, row.Registration, row.Number, row.Organisation, row.UntilAt);
            var body = NotificationTexts.Fill(row.Body, row.Registration, row.Number, row.Organisation, row.UntilAt);
            try
            {
                await sender.SendAsync(new OutgoingMessage(row.Id, (NotificationChannel)row.Channel, row.Recipient, subject, body), ct);
                ok.Add(row.Id);
                subjects.Add(subject);
                bodies.Add(body);
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
            update notifications n set sent_at = @now, attempts = n.attempts + 1, subject = s.subject, body = s.body
            from unnest(@ok, @subjects, @bodies) as s(id, subject, body)
            where n.id = s.id;
            update notifications n set attempts = n.attempts + 1, last_error = f.error, next_attempt_at = f.retry_at,
                   failed_at = case when f.given_up then @now end
            from unnest(@failed, @errors, @retry_at, @given_up) as f(id, error, retry_at, given_up)
            where n.id = f.id;
            """, [P("now", now), P("ok", ok.ToArray()), P("subjects", subjects.ToArray()), P("bodies", bodies.ToArray()),
                P("failed", failed.ToArray()), P("errors", errors.ToArray()), P("retry_at", retryAt.ToArray()), P("given_up", givenUp.ToArray())]))
        {
            await update.ExecuteNonQueryAsync(ct);
        }
        return (rows.Count, ok.Count);
    }

    /// One statement, committed on its own before anything is sent.
    private async Task<List<Row>> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Row> rows = [];
        await using var claim = Command(db, ClaimSql, [P("now", now), P("claimed_until", now.AddMinutes(ClaimMinutes)), P("batch", BatchSize)]);
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        return rows;
    }
}
