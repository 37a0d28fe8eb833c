using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// Заявление: a child's place in the queue and everything that happens to it. Every transition
/// checks the current status first and records a history event.
public sealed partial class Application
{
    private readonly List<ApplicationEvent> _events = [];
    private readonly List<ApplicationAccess> _access = [];
    private readonly List<StopListEntry> _stopList = [];

    private Application() { }

    public static Application File(Child child, Person applicant, string registrationNumber, Privilege privilege,
        InstructionLanguage language, string? additionalEmail, string? additionalPhone, DateTimeOffset now,
        IEnumerable<ApplicationStatus> otherApplicationsOfChild, string? tsonNumber = null, string? pepNumber = null,
        string? signedXml = null, bool parenthoodUnderReview = false, District? district = null)
    {
        if (otherApplicationsOfChild.Any(s => s.IsActive()))
            throw new DomainException("application.duplicate", new(
                "У ребёнка уже есть действующее заявление. Новое можно подать, когда ребёнок зачислен в детский сад."));
        var application = new Application
        {
            Child = child,
            ChildId = child.Id,
            ApplicantId = applicant.Id,
            Applicant = applicant,
            RegistrationNumber = registrationNumber,
            TsonNumber = tsonNumber,
            PepNumber = pepNumber,
            Privilege = privilege,
            // A claimed privilege waits for staff to confirm its documents: general order until then.
            PriorityGroup = PriorityGroup.General,
            PrivilegeReview = privilege == Privilege.None ? PrivilegeReview.NotRequired : PrivilegeReview.UnderReview,
            ParenthoodReview = parenthoodUnderReview ? ParenthoodReview.UnderReview : ParenthoodReview.NotRequired,
            District = district,
            BirthYear = child.BirthDate.Year,
            PreferredLanguage = language,
            AdditionalEmail = additionalEmail,
            AdditionalPhone = additionalPhone,
            CreatedAt = now,
            QueuedAt = now,
            Status = ApplicationStatus.Queued,
            StatusChangedAt = now,
        };
        application._access.Add(new ApplicationAccess(applicant.Id, AccessKind.Applicant, now));
        application._events.Add(new ApplicationEvent(0, now, ApplicationEventKind.Created, applicant.FullName,
            null, ApplicationStatus.Queued, null, signedXml));
        return application;
    }

    public long Id { get; private set; }
    public string RegistrationNumber { get; private set; } = "";
    public long ChildId { get; private set; }
    public Child? Child { get; private set; }
    public long ApplicantId { get; private set; }
    public Person? Applicant { get; private set; }
    public string? TsonNumber { get; private set; }
    public string? PepNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// The district the family lives in, as the applicant chose it when filing: whose district
    /// education department reviews the application's documents. Applications filed before it was
    /// asked have none.
    public District? District { get; private set; }

    /// "В очереди с": kept when a referral is issued, so an expired referral returns the child to
    /// its original place.
    public DateTimeOffset QueuedAt { get; private set; }
    public Privilege Privilege { get; private set; }
    public PriorityGroup PriorityGroup { get; private set; }

    /// The child's birth year: the queue is kept per birth year.
    public int BirthYear { get; private set; }
    public InstructionLanguage PreferredLanguage { get; private set; }
    public string? AdditionalEmail { get; private set; }
    public string? AdditionalPhone { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public int ExpiredReferralCount { get; private set; }

    /// The end of the stop-list entry in force, if any (the entries themselves are the record).
    public DateTimeOffset? StopListedUntil { get; private set; }

    /// While a state seat is offered in its priority window: the window's end.
    public DateTimeOffset? OfferedUntil { get; private set; }

    public IReadOnlyCollection<ApplicationEvent> Events => _events;
    public IReadOnlyCollection<ApplicationAccess> Access => _access;
    public IReadOnlyCollection<StopListEntry> StopList => _stopList;

    public bool IsStopListed(DateTimeOffset now) => StopListedUntil is { } until && Deadline.IsOpen(until, now);

    public void AttachTo(Person parent, DateTimeOffset now, string? signedXml)
    {
        if (ApplicantId == parent.Id || _access.Any(a => a.PersonId == parent.Id))
            throw new DomainException("application.already-attached", new(
                "Это заявление уже есть в вашем журнале."));
        _access.Add(new ApplicationAccess(parent.Id, AccessKind.Attached, now));
        Record(now, ApplicationEventKind.Attached, parent.FullName, Status, Status, "Заявление прикреплено к ИИН родителя", signedXml);
    }

    public void OfferStateSeat(DateTimeOffset windowEnd, DateTimeOffset now)
    {
        RequireStatus(ApplicationStatus.Queued);
        OfferedUntil = windowEnd;
        ChangeStatus(ApplicationStatus.Notified, now, ApplicationEventKind.StateSeatOffered, ApplicationEvent.SystemActor,
            $"Предложено место в государственном детском саду до {AlmatyTime.Format(windowEnd)}", null);
    }

    public void EndOffer(DateTimeOffset now)
    {
        RequireStatus(ApplicationStatus.Notified);
        OfferedUntil = null;
        ChangeStatus(ApplicationStatus.Queued, now, ApplicationEventKind.OfferEnded, ApplicationEvent.SystemActor,
            RuleTexts.History.OfferEnded, null);
    }

    /// In one step with taking the seat (done by the portal's SeatLedger in the same transaction).
    public Referral IssueReferral(PreschoolOrganisation organisation, string number, string verificationCode,
        DateTimeOffset now, DateTimeOffset validUntil, string actor, string? signedXml)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        if (IsStopListed(now))
            throw new DomainException("application.stop-listed", new(
                "Заявление в стоп-листе до {0}: получение направления заблокировано.", AlmatyTime.Format(StopListedUntil!.Value)));
        if (Child is { } child && QueueAge.HasAgedOut(child.BirthDate, now))
            throw new DomainException("application.age", QueueAge.AgedOut);
        if (!organisation.IsActive)
            throw new DomainException("organisation.inactive", new(
                "Эта дошкольная организация сейчас не принимает детей."));
        OfferedUntil = null;
        var referral = new Referral(Id, organisation.Id, BirthYear, number, verificationCode, now, validUntil, signedXml);
        ChangeStatus(ApplicationStatus.Referred, now, ApplicationEventKind.ReferralIssued, actor,
            $"Направление № {number} в «{organisation.NameRu}», действительно до {AlmatyTime.Format(validUntil)}", signedXml);
        return referral;
    }

    public void ConfirmArrival(Referral referral, DateTimeOffset now, string actor)
    {
        RequireOwn(referral);
        RequireStatus(ApplicationStatus.Referred);
        if (referral.IsExpiredAt(now))
            throw new DomainException("referral.expired", new(
                "Срок направления истёк {0}: зачисление невозможно.", AlmatyTime.Format(referral.ValidUntil)));
        referral.Close(ReferralStatus.Used, now, null);
        ChangeStatus(ApplicationStatus.Enrolled, now, ApplicationEventKind.ArrivalConfirmed, actor,
            $"Ребёнок зачислен по направлению № {referral.Number}", null);
    }

    /// The referral was not used in time: the seat goes back (the portal's job does that), the
    /// application returns to its original place with a stop-list, or leaves the queue on the
    /// second expiry.
    public void ExpireReferral(Referral referral, DateTimeOffset now, DateTimeOffset stopListUntil)
    {
        RequireOwn(referral);
        RequireStatus(ApplicationStatus.Referred);
        if (!referral.IsExpiredAt(now))
            throw new DomainException("referral.not-expired", new("Срок направления ещё не истёк."));
        referral.Close(ReferralStatus.Annulled, now, RuleTexts.History.NotUsedInTime);
        ExpiredReferralCount++;
        Record(now, ApplicationEventKind.ReferralAnnulled, ApplicationEvent.SystemActor, Status, Status,
            RuleTexts.History.Annulled(referral.Number), null);
        if (PortalRules.IsRemovedAfter(ExpiredReferralCount))
        {
            ChangeStatus(ApplicationStatus.Removed, now, ApplicationEventKind.RemovedFromQueue, ApplicationEvent.SystemActor,
                RuleTexts.History.RemovedAfterExpiries, null);
            return;
        }
        ChangeStatus(ApplicationStatus.Queued, now, ApplicationEventKind.StopListed, ApplicationEvent.SystemActor,
            RuleTexts.History.BackInQueue(stopListUntil), null);
        StopListedUntil = stopListUntil;
        _stopList.Add(new StopListEntry(Id, now, stopListUntil, RuleTexts.History.StopListReason));
    }

    /// Education staff cancel a referral with a reason: the seat goes back, the child returns to
    /// its place, and (decision) it does not count as an expiry.
    public void CancelReferral(Referral referral, DateTimeOffset now, string actor, string reason)
    {
        RequireOwn(referral);
        RequireStatus(ApplicationStatus.Referred);
        RequireReason(reason);
        referral.Close(ReferralStatus.Cancelled, now, reason);
        ChangeStatus(ApplicationStatus.Queued, now, ApplicationEventKind.ReferralCancelled, actor,
            $"Направление № {referral.Number} отменено: {reason}", null);
    }

    public void LiftStopList(DateTimeOffset now, string actor, string reason)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        RequireReason(reason);
        if (!IsStopListed(now))
            throw new DomainException("stop-list.none", new("Заявление не в стоп-листе."));
        foreach (var entry in _stopList.Where(e => e.IsInForce(now))) entry.Lift(now, actor);
        StopListedUntil = null;
        Record(now, ApplicationEventKind.StopListLifted, actor, Status, Status, $"Стоп-лист снят: {reason}", null);
    }

    /// The stop-list ended by itself; nothing to record on the entry.
    public void ClearEndedStopList(DateTimeOffset now)
    {
        if (StopListedUntil is { } until && Deadline.HasPassed(until, now)) StopListedUntil = null;
    }

    /// "Снят с очереди" by the parent, signed.
    public void Withdraw(DateTimeOffset now, string actor, string signedXml)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        OfferedUntil = null;
        ChangeStatus(ApplicationStatus.Removed, now, ApplicationEventKind.Withdrawn, actor, "Снято с очереди по заявлению родителя", signedXml);
    }

    public void RemoveFromQueue(DateTimeOffset now, string actor, string reason)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        RequireReason(reason);
        OfferedUntil = null;
        ChangeStatus(ApplicationStatus.Removed, now, ApplicationEventKind.RemovedFromQueue, actor, reason, null);
    }

    public void CorrectPrivilege(Privilege privilege, DateTimeOffset now, string actor, string reason)
    {
        RequireStatus(ApplicationStatus.Queued, ApplicationStatus.Notified);
        RequireReason(reason);
        var before = PrivilegeText.Of(Privilege).Ru;
        Privilege = privilege;
        PriorityGroup = PrivilegeText.GroupOf(privilege);
        // Staff decided on the documents they hold: the correction is a confirmation without a term.
        PrivilegeReview = privilege == Privilege.None ? PrivilegeReview.NotRequired : PrivilegeReview.Confirmed;
        PrivilegeValidUntil = null;
        Record(now, ApplicationEventKind.PrivilegeCorrected, actor, Status, Status,
            $"Льготность: {before} → {PrivilegeText.Of(privilege).Ru}. {reason}", null);
    }

    public void AddCallNote(DateTimeOffset now, string operatorName, string note)
    {
        RequireReason(note);
        Record(now, ApplicationEventKind.CallNote, operatorName, Status, Status, note.Trim(), null);
    }

    private void ChangeStatus(ApplicationStatus to, DateTimeOffset now, ApplicationEventKind kind, string actor, string? reason, string? signedXml)
    {
        var from = Status;
        Status = to;
        StatusChangedAt = now;
        Record(now, kind, actor, from, to, reason, signedXml);
    }

    private void Record(DateTimeOffset now, ApplicationEventKind kind, string actor, ApplicationStatus? from,
        ApplicationStatus? to, string? reason, string? signedXml) =>
        _events.Add(new ApplicationEvent(Id, now, kind, actor, from, to, reason, signedXml));

    private void RequireStatus(params ApplicationStatus[] allowed)
    {
        if (allowed.Contains(Status)) return;
        var now = ApplicationStatusText.Of(Status);
        throw new DomainException("application.status", new(
            "Действие недоступно: текущее состояние заявления — «{0}».", now));
    }

    private void RequireOwn(Referral referral)
    {
        if (referral.ApplicationId != Id)
            throw new DomainException("referral.foreign", new("Направление выдано по другому заявлению."));
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("reason.required", new("Укажите причину."));
    }
}
