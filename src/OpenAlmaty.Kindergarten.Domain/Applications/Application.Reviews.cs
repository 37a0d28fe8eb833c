using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// Who may act for the child and which privilege counts: staff reviews of the documents, the
/// privilege's term, a second parent detached.
public sealed partial class Application
{
    public ParenthoodReview ParenthoodReview { get; private set; }
    public PrivilegeReview PrivilegeReview { get; private set; }

    /// The end of a confirmed privilege's term (a workplace certificate is valid for a month);
    /// null when the confirmation has no term.
    public DateTimeOffset? PrivilegeValidUntil { get; private set; }

    public void ConfirmParenthood(DateTimeOffset now, string actor, string reason)
    {
        RequireParenthoodUnderReview();
        RequireReason(reason);
        ParenthoodReview = ParenthoodReview.Confirmed;
        Record(now, ApplicationEventKind.ParenthoodConfirmed, actor, Status, Status,
            $"Документ подтверждает право действовать за ребёнка: {reason.Trim()}", null);
    }

    /// The documents do not show the applicant may act for the child: the application leaves the queue.
    public void RejectParenthood(DateTimeOffset now, string actor, string reason)
    {
        RequireParenthoodUnderReview();
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        RequireReason(reason);
        ParenthoodReview = ParenthoodReview.Rejected;
        OfferedUntil = null;
        ChangeStatus(ApplicationStatus.Removed, now, ApplicationEventKind.ParenthoodRejected, actor,
            $"Право подавать заявление за ребёнка не подтверждено: {reason.Trim()}", null);
    }

    /// A new document for the claimed privilege: back under review. A confirmation still in
    /// force keeps the child's place until its term ends.
    public void SubmitPrivilegeEvidence(DateTimeOffset now, string actor)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        if (Privilege == Privilege.None)
            throw new DomainException("privilege.none", new("В заявлении не указана льгота."));
        PrivilegeReview = PrivilegeReview.UnderReview;
        Record(now, ApplicationEventKind.PrivilegeEvidenceSubmitted, actor, Status, Status,
            $"Представлен документ на льготу «{PrivilegeText.Of(Privilege).Ru}»; льгота на проверке", null);
    }

    public void ConfirmPrivilege(DateTimeOffset now, string actor, string reason, DateTimeOffset? validUntil)
    {
        RequirePrivilegeUnderReview();
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        RequireReason(reason);
        if (validUntil is { } until && until <= now)
            throw new DomainException("privilege.term", new("Срок действия льготы должен быть в будущем."));
        PrivilegeReview = PrivilegeReview.Confirmed;
        PrivilegeValidUntil = validUntil;
        PriorityGroup = PrivilegeText.GroupOf(Privilege);
        var term = validUntil is { } v ? $", действует до {AlmatyTime.Format(v)}" : "";
        Record(now, ApplicationEventKind.PrivilegeConfirmed, actor, Status, Status,
            $"Льгота «{PrivilegeText.Of(Privilege).Ru}» подтверждена{term}: {reason.Trim()}", null);
    }

    /// The document does not prove the privilege. A confirmation still in force (a renewal was
    /// rejected) stands until its term ends.
    public void RejectPrivilege(DateTimeOffset now, string actor, string reason)
    {
        RequirePrivilegeUnderReview();
        RequireReason(reason);
        var inForce = PriorityGroup != PriorityGroup.General && (PrivilegeValidUntil is null || PrivilegeValidUntil > now);
        PrivilegeReview = inForce ? PrivilegeReview.Confirmed : PrivilegeReview.Rejected;
        if (!inForce) PriorityGroup = PriorityGroup.General;
        Record(now, ApplicationEventKind.PrivilegeRejected, actor, Status, Status,
            $"Льгота «{PrivilegeText.Of(Privilege).Ru}» не подтверждена: {reason.Trim()}", null);
    }

    public bool PrivilegeLapsedAt(DateTimeOffset now) =>
        PriorityGroup != PriorityGroup.General && PrivilegeValidUntil is { } until && until < now;

    /// The confirmed term ended with no new document confirmed: back to the general order.
    public void LapsePrivilege(DateTimeOffset now)
    {
        if (!PrivilegeLapsedAt(now))
            throw new DomainException("privilege.not-lapsed", new("Срок льготы ещё не истёк."));
        var until = PrivilegeValidUntil!.Value;
        PriorityGroup = PriorityGroup.General;
        PrivilegeValidUntil = null;
        if (PrivilegeReview != PrivilegeReview.UnderReview) PrivilegeReview = PrivilegeReview.Lapsed;
        Record(now, ApplicationEventKind.PrivilegeLapsed, ApplicationEvent.SystemActor, Status, Status,
            $"Срок подтверждения льготы истёк {AlmatyTime.Format(until)}: заявление стоит в общей очереди до подтверждения нового документа", null);
    }

    /// Staff take a second parent's access away, with a reason; the applicant cannot be detached.
    public void Detach(long personId, string personName, DateTimeOffset now, string actor, string reason)
    {
        RequireReason(reason);
        var access = _access.SingleOrDefault(a => a.PersonId == personId && a.Kind == AccessKind.Attached)
            ?? throw new DomainException("application.not-attached", new(
                "Этот человек не прикреплён к заявлению."));
        _access.Remove(access);
        Record(now, ApplicationEventKind.Detached, actor, Status, Status, $"Заявление откреплено от ИИН {personName}: {reason.Trim()}", null);
    }

    /// The filing parent signed an invitation for a second parent (the code itself is not recorded).
    public void RecordInvitation(DateTimeOffset now, string actor, DateTimeOffset validUntil, string signedXml)
    {
        Record(now, ApplicationEventKind.InvitationCreated, actor, Status, Status,
            $"Создан код приглашения для второго родителя, действует до {AlmatyTime.Format(validUntil)}", signedXml);
    }

    private void RequireParenthoodUnderReview()
    {
        if (ParenthoodReview != ParenthoodReview.UnderReview)
            throw new DomainException("parenthood.not-under-review", new(
                "Право подавать заявление уже рассмотрено."));
    }

    private void RequirePrivilegeUnderReview()
    {
        if (PrivilegeReview != PrivilegeReview.UnderReview)
            throw new DomainException("privilege.not-under-review", new(
                "Льгота не ожидает проверки: решение уже принято."));
    }
}
