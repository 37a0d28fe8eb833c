using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The yearly update staff run before the season (issue 11, defect 10): every child in the queue
/// who has reached <see cref="QueueAge.MaximumAge"/> full years leaves it, through the domain's
/// <see cref="Application.RemoveAgedOut"/> (the reason in the history) with a notification. It is
/// not scheduled: staff trigger "remove-aged-out" from /admin/jobs. Safe to run twice; rows
/// another transaction holds are skipped and picked up by the next batch or run.
public sealed class RemoveAgedOutJob(AppDbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var bornBy = AlmatyTime.Today(now).AddYears(-QueueAge.MaximumAge);
        var total = 0;
        while (true)
        {
            var removed = await RemoveBatchAsync(now, bornBy, ct);
            total += removed;
            if (removed == 0) return total;
        }
    }

    private async Task<int> RemoveBatchAsync(DateTimeOffset now, DateOnly bornBy, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var ids = await db.Applications
            .Where(a => (a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified) && a.Child!.BirthDate <= bornBy)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToArrayAsync(ct);
        if (ids.Length == 0) return 0;
        var locked = await db.Applications.FromSql($"select *, xmin from applications where id = any({ids}) for update skip locked")
            .Include(a => a.Child).ToListAsync(ct);
        // Re-read under the lock: a child referred meanwhile keeps its referral.
        var due = locked.Where(a => a.Status.IsInQueue() && QueueAge.HasAgedOut(a.Child!.BirthDate, now)).ToList();
        foreach (var application in due) application.RemoveAgedOut(now);
        await db.SaveChangesAsync(ct);
        const NotificationKind kind = NotificationKind.AgedOut;
        await Outbox.ExecuteAsync(db, Outbox.InsertSql($"""
            select a.id as application_id, null::bigint as referral_id, {(int)kind} as kind, 'aged-out:' || a.id as dedup_key,
                   {Outbox.Subject(kind)} as subject, {Outbox.Body(kind)} as body, null::text as number, null::text as organisation,
                   null::timestamptz as until_at, @now as created_at
            from applications a where a.id = any(@ids)
            """), [.. Outbox.Parameters(kind), new NpgsqlParameter("ids", due.Select(a => a.Id).ToArray()), new NpgsqlParameter("now", now)], ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return due.Count;
    }
}
