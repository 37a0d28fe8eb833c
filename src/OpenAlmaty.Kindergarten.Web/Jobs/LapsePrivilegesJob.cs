using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// A confirmed privilege whose term ended (Application.LapsePrivilege): the application goes
/// back to the general order, with history and a notification. Few rows a day, so one
/// application per transaction under its row lock, through the domain's own guard; a second run
/// finds nothing to do.
public sealed class LapsePrivilegesJob(AppDbContext db, Features.Applications.QueueOrderCache queue, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Applications.AsNoTracking()
            .Where(a => a.PrivilegeValidUntil < now && a.PriorityGroup != PriorityGroup.General)
            .OrderBy(a => a.PrivilegeValidUntil).Select(a => a.Id).ToListAsync(ct);
        var lapsed = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = await db.Applications.FromSql($"select *, xmin from applications where id = {id} for update").SingleAsync(ct);
            if (!application.PrivilegeLapsedAt(now)) continue;
            var until = application.PrivilegeValidUntil;
            application.LapsePrivilege(now);
            await db.SaveChangesAsync(ct);
            await Outbox.ApplicationAsync(db, id, NotificationKind.PrivilegeLapsed,
                $"privilege-lapsed:{id}:{until!.Value.ToUnixTimeSeconds()}", until, now, ct);
            await tx.CommitAsync(ct);
            queue.Changed(application.BirthYear);
            db.ChangeTracker.Clear();
            lapsed++;
        }
        return lapsed;
    }
}
