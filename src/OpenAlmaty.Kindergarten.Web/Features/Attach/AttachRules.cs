using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Registry;

namespace OpenAlmaty.Kindergarten.Web.Features.Attach;

/// Who may attach an application to their IIN (issue 12): a parent or legal representative of
/// the child per the population registry, or whoever holds a valid one-time invitation code of
/// this application. Knowing the registration number and the child's IIN is not enough.
public sealed class AttachRules(PopulationRegistry registry, AppDbContext db, TimeProvider clock)
{
    public static readonly LocalizedText NotParent = new(
        "Реестр населения не подтверждает, что вы родитель или законный представитель ребёнка. " +
        "Попросите родителя, подавшего заявление, создать для вас код приглашения.");

    public static readonly LocalizedText BadCode = new(
        "Код приглашения неверен, уже использован или истёк. Попросите родителя, подавшего заявление, создать новый код.");

    /// Null when the person may attach; otherwise why not. Changes nothing.
    public async Task<LocalizedText?> RefusalAsync(string personIin, string childIin, long applicationId, string? code, CancellationToken ct)
    {
        if (await registry.IsParentOrRepresentativeAsync(personIin, childIin, ct) == Parenthood.Yes) return null;
        if (string.IsNullOrWhiteSpace(code)) return NotParent;
        var hash = AttachInvitation.Hash(code);
        var now = clock.GetUtcNow();
        var valid = await db.Set<AttachInvitation>().AnyAsync(i => i.ApplicationId == applicationId && i.CodeHash == hash
            && i.UsedAt == null && i.ExpiresAt > now, ct);
        return valid ? null : BadCode;
    }

    /// In the attach's transaction: the registry's yes, or the invitation used up (exactly once:
    /// the UPDATE's guard decides between two people racing with the same code).
    public async Task RequireAsync(string personIin, long personId, string childIin, long applicationId, string? code, CancellationToken ct)
    {
        if (await registry.IsParentOrRepresentativeAsync(personIin, childIin, ct) == Parenthood.Yes) return;
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("attach.not-parent", NotParent);
        var hash = AttachInvitation.Hash(code);
        var now = clock.GetUtcNow();
        var used = await db.Set<AttachInvitation>()
            .Where(i => i.ApplicationId == applicationId && i.CodeHash == hash && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedBy, personId), ct);
        if (used != 1) throw new DomainException("attach.bad-code", BadCode);
    }
}
