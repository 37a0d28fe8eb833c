namespace OpenAlmaty.Kindergarten.Domain.Applications;

public enum ApplicationEventKind
{
    Created = 1,
    Attached = 2,
    StateSeatOffered = 3,
    OfferEnded = 4,
    ReferralIssued = 5,
    ArrivalConfirmed = 6,
    ReferralAnnulled = 7,
    StopListed = 8,
    StopListLifted = 9,
    Withdrawn = 10,
    RemovedFromQueue = 11,
    PrivilegeCorrected = 12,
    CallNote = 13,
    ReferralCancelled = 14,
    ReferralDeclined = 15,
    ParenthoodConfirmed = 16,
    ParenthoodRejected = 17,
    PrivilegeEvidenceSubmitted = 18,
    PrivilegeConfirmed = 19,
    PrivilegeRejected = 20,
    PrivilegeLapsed = 21,
    Detached = 22,
    InvitationCreated = 23,
    /// A day inside a running term became non-working: the term moved on (issue 11, point 5).
    DeadlineExtended = 24,
}

/// One line of "История изменений": who, when, from what to what, why.
public sealed class ApplicationEvent
{
    public const string SystemActor = "система";

    private ApplicationEvent() { }

    internal ApplicationEvent(long applicationId, DateTimeOffset at, ApplicationEventKind kind, string actor,
        ApplicationStatus? from, ApplicationStatus? to, string? reason, string? signedXml)
    {
        ApplicationId = applicationId;
        At = at;
        Kind = kind;
        Actor = actor;
        FromStatus = from;
        ToStatus = to;
        Reason = reason;
        SignedXml = signedXml;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ApplicationEventKind Kind { get; private set; }
    public string Actor { get; private set; } = "";
    public ApplicationStatus? FromStatus { get; private set; }
    public ApplicationStatus? ToStatus { get; private set; }
    public string? Reason { get; private set; }

    /// The signed XML that asked for this change: the legal record.
    public string? SignedXml { get; private set; }
}
