using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

/// Staff decisions on the documents (issue 12): parenthood and privileges confirmed or rejected,
/// a second parent detached. Each with a reason, under the application's row lock, in its
/// history, in the audit log, and (for the parent) in the outbox, in one transaction.
public sealed class ReviewActions(AppDbContext db, StaffScope scope, AuditLog audit, Web.Features.Applications.QueueOrderCache queue, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Kinds = new Dictionary<string, LocalizedText>
    {
        ["confirm-parenthood"] = new("Подтвердить право подать заявление"),
        ["reject-parenthood"] = new("Отклонить: не родитель и не законный представитель"),
        ["confirm-privilege"] = new("Подтвердить льготу"),
        ["reject-privilege"] = new("Отклонить льготу"),
        ["detach"] = new("Открепить второго родителя"),
    };

    /// False when the application is not in the staff member's scope (the caller answers 404).
    /// <paramref name="validUntil"/> is the last day (Almaty) a confirmed privilege holds.
    public async Task<bool> ActAsync(long applicationId, string kind, string? reason, DateOnly? validUntil, long? personId,
        string actor, CancellationToken ct)
    {
        if (!Kinds.ContainsKey(kind)) throw new DomainException("action.unknown", new("Неизвестное действие."));
        if (!await (await scope.ApplicationsAsync(ct)).AnyAsync(a => a.Id == applicationId, ct)) return false;
        var text = (reason ?? "").Trim();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var application = await db.Applications.FromSql($"select *, xmin from applications where id = {applicationId} for update")
                .Include(a => a.Access).SingleAsync(ct);
            var now = clock.GetUtcNow();
            (NotificationKind Kind, DateTimeOffset? Until)? note = null;
            switch (kind)
            {
                case "confirm-parenthood":
                    application.ConfirmParenthood(now, actor, text);
                    audit.Add(AuditLog.Actions.ConfirmParenthood, applicationId, text);
                    note = (NotificationKind.ParenthoodConfirmed, null);
                    break;
                case "reject-parenthood":
                    application.RejectParenthood(now, actor, text);
                    audit.Add(AuditLog.Actions.RejectParenthood, applicationId, text);
                    note = (NotificationKind.ParenthoodRejected, null);
                    break;
                case "confirm-privilege":
                    var until = validUntil is { } day ? AlmatyTime.EndOfDay(day) : (DateTimeOffset?)null;
                    application.ConfirmPrivilege(now, actor, text, until);
                    audit.Add(AuditLog.Actions.ConfirmPrivilege, applicationId, until is null ? text : $"{text} (до {validUntil:dd.MM.yyyy})");
                    note = (NotificationKind.PrivilegeConfirmed, until);
                    break;
                case "reject-privilege":
                    application.RejectPrivilege(now, actor, text);
                    audit.Add(AuditLog.Actions.RejectPrivilege, applicationId, text);
                    note = (NotificationKind.PrivilegeRejected, null);
                    break;
                default:
                    var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
                        ?? throw new DomainException("application.not-attached", new("Этот человек не прикреплён к заявлению."));
                    application.Detach(person.Id, person.FullName, now, actor, text);
                    audit.Add(AuditLog.Actions.Detach, applicationId, $"{Domain.People.Iin.Mask(person.Iin)}: {text}");
                    break;
            }
            await db.SaveChangesAsync(ct);
            if (note is { } n)
                await Outbox.ApplicationAsync(db, applicationId, n.Kind, $"{kind}:{applicationId}:{now.ToUnixTimeMilliseconds()}", n.Until, now, ct);
            await tx.CommitAsync(ct);
            // This instance's queue numbers follow at once; the trigger's NOTIFY tells the others.
            queue.Changed(application.BirthYear);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        return true;
    }
}
