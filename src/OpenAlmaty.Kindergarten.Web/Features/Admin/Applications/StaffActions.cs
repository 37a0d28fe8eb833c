using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;

/// The education staff's actions on an application, each with a stated reason, each in the
/// application's history under the staff member's name and in the audit log, in one transaction.
public sealed class StaffActions(AppDbContext db, StaffScope scope, AuditLog audit, TimeProvider clock, Seats.StateSeatOffers offers,
    Jobs.IAfterCommit afterCommit)
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Kinds = new Dictionary<string, LocalizedText>
    {
        ["confirm-arrival"] = new("Подтвердить прибытие"),
        ["cancel-referral"] = new("Аннулировать направление"),
        ["lift-stop-list"] = new("Снять стоп-лист"),
        ["remove"] = new("Снять с очереди"),
        ["privilege"] = new("Исправить льготность"),
    };

    /// False when the application is not in the staff member's scope (the caller answers 404).
    public async Task<bool> ActAsync(long applicationId, string kind, string? reason, Privilege? privilege, string actor, CancellationToken ct)
    {
        if (!Kinds.ContainsKey(kind)) throw new DomainException("action.unknown", new("Неизвестное действие."));
        if (!await (await scope.ApplicationsAsync(ct)).AnyAsync(a => a.Id == applicationId, ct)) return false;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var application = await db.Applications
                    .FromSql($"select *, xmin from applications where id = {applicationId} for update")
                    .Include(a => a.StopList)
                    .SingleAsync(ct);
                var now = clock.GetUtcNow();
                var text = (reason ?? "").Trim();
                switch (kind)
                {
                    case "confirm-arrival":
                        application.ConfirmArrival(await ActiveReferralAsync(applicationId, ct), now, actor);
                        audit.Add(AuditLog.Actions.ConfirmArrival, applicationId, text);
                        break;
                    case "cancel-referral":
                        var referral = await ActiveReferralAsync(applicationId, ct);
                        application.CancelReferral(referral, now, actor, text);
                        await db.ReturnReferralSeatAsync(referral, now, actor, ct);
                        await db.SaveChangesAsync(ct);
                        // A state seat that comes back goes to the next children in the queue (issue 11, defect 3).
                        await offers.OfferReturnedSeatAsync(referral.OrganisationId, referral.BirthYear, now, ct);
                        audit.Add(AuditLog.Actions.CancelReferral, applicationId, $"{referral.Number}: {text}");
                        break;
                    case "lift-stop-list":
                        application.LiftStopList(now, actor, text);
                        audit.Add(AuditLog.Actions.LiftStopList, applicationId, text);
                        break;
                    case "remove":
                        application.RemoveFromQueue(now, actor, text);
                        audit.Add(AuditLog.Actions.RemoveFromQueue, applicationId, text);
                        break;
                    default:
                        application.CorrectPrivilege(privilege ?? throw new DomainException("privilege.required",
                            new("Выберите льготность.")), now, actor, text);
                        audit.Add(AuditLog.Actions.CorrectPrivilege, applicationId, $"{privilege}: {text}");
                        break;
                }
                // Confirming arrival needs no reason in the domain; staff still state one.
                if (text.Length == 0) throw new DomainException("reason.required", new("Укажите причину."));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
            if (kind == "cancel-referral") afterCommit.NotificationsWritten();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        return true;
    }

    private async Task<Referral> ActiveReferralAsync(long applicationId, CancellationToken ct) =>
        await db.Referrals.SingleOrDefaultAsync(r => r.ApplicationId == applicationId && r.Status == ReferralStatus.Active, ct)
        ?? throw new DomainException("referral.none", new("У заявления нет действующего направления."));
}
