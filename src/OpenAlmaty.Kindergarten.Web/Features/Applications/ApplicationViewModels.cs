using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

public sealed record JournalRow(
    long Id, string RegistrationNumber, string ChildName, string ChildIin, string? TsonNumber, string? PepNumber,
    string ApplicantName, DateTimeOffset CreatedAt, ApplicationStatus Status, Privilege Privilege, DateOnly ChildBirthDate,
    DateTimeOffset StatusChangedAt, int BirthYear)
{
    public int? QueueNumber { get; init; }
}

public sealed record JournalPage(IReadOnlyList<JournalRow> Rows, string Sort, bool Descending);

public sealed record PersonBlock(string FullName, string Iin, DateOnly BirthDate, string? Phone, string? Email, string? Address);

public sealed record ChildBlock(string FullName, string Iin, DateOnly BirthDate, Privilege Privilege);

public sealed record HistoryRow(DateTimeOffset At, ApplicationEventKind Kind, string Actor, ApplicationStatus? From, ApplicationStatus? To, string? Reason, bool Signed);

/// One change of the queue number, as the snapshot job wrote it: the day and what moved it.
public sealed record QueueNumberDay(long ApplicationId, DateOnly Day, int? Number, int? Previous, int ReferredAhead, int RemovedAhead,
    int AgedOutAhead, int PrivilegedAhead, int ReturnedAhead, int Other)
{
    public QueueNumberChange Change => new(ApplicationId, Number, Previous, ReferredAhead, RemovedAhead, AgedOutAhead, PrivilegedAhead, ReturnedAhead, Other);
}

public sealed record DocumentRow(long Id, string Title, string FileName, DateTimeOffset CreatedAt);

public sealed record ActiveReferral(long Id, string Number, string OrganisationName, DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, ReferralStatus Status);

public sealed record ApplicationPage(
    long Id, string RegistrationNumber, DateTimeOffset CreatedAt, string? TsonNumber, string? PepNumber,
    ApplicationStatus Status, DateTimeOffset StatusChangedAt, DateTimeOffset QueuedAt, string? AdditionalEmail,
    string? AdditionalPhone, InstructionLanguage PreferredLanguage, int ExpiredReferralCount, DateTimeOffset? StopListedUntil,
    DateTimeOffset? OfferedUntil, PersonBlock Applicant, ChildBlock Child, int BirthYear)
{
    public int? QueueNumber { get; init; }
    public IReadOnlyList<HistoryRow> History { get; init; } = [];
    public IReadOnlyList<QueueNumberDay> QueueHistory { get; init; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; init; } = [];
    public ActiveReferral? Referral { get; init; }
    public Privileges.ReviewStatus? Review { get; init; }
    public Buttons Buttons { get; init; } = new(false, [], false, null, false);
}

/// Which of "Выбрать гос сад", "Снять с очереди", "Выбрать частный сад" the rules allow, and
/// why a hidden one is hidden.
public sealed record Buttons(bool ChoosePrivate, IReadOnlyList<LocalizedText> WhyNoPrivate, bool ChooseState, LocalizedText? WhyNoState, bool Withdraw);
