using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

// Rows of the bulk generator, one per table row, written by binary COPY (see BulkGenerator).

public sealed record BulkOrganisation(int Id, OrganisationType Type, string NameRu, string NameKk, InstructionLanguage Language,
    District District, string Address, string Phones, double Latitude, double Longitude);

public sealed record BulkSeat(long Id, int OrganisationId, int BirthYear, int FreeSeats, DateTimeOffset? PriorityUntil);

public sealed record BulkPerson(long Id, string Iin, string LastName, string FirstName, string MiddleName, DateOnly BirthDate,
    string Phone, string Email, string Address)
{
    public string FullName => $"{LastName} {FirstName} {MiddleName}";
}

public sealed record BulkChild(long Id, string Iin, string LastName, string FirstName, string MiddleName, DateOnly BirthDate, int Sex);

public sealed class BulkApplication
{
    public long Id;
    public string RegistrationNumber = "";
    public long ChildId;
    public BulkPerson Applicant = null!;
    public string? TsonNumber;
    public string? PepNumber;
    public DateTimeOffset QueuedAt;
    public Privilege Privilege;
    public int BirthYear;
    public InstructionLanguage Language;
    public string? AdditionalEmail;
    public string? AdditionalPhone;
    public ApplicationStatus Status = ApplicationStatus.Queued;
    public DateTimeOffset StatusChangedAt;
    public int ExpiredReferralCount;
    public DateTimeOffset? StopListedUntil;
    public DateTimeOffset? OfferedUntil;

    /// The history the domain would have written, in order; written only while the event budget lasts.
    public List<BulkEvent> History = [];
}

public sealed record BulkReferral(long Id, string Number, long ApplicationId, int OrganisationId, int BirthYear, DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil, ReferralStatus Status, DateTimeOffset? ClosedAt, string? CloseReason, string VerificationCode);

public sealed record BulkStopListEntry(long Id, long ApplicationId, DateTimeOffset From, DateTimeOffset Until, string Reason);

public sealed record BulkEvent(DateTimeOffset At, ApplicationEventKind Kind, string Actor, ApplicationStatus? From, ApplicationStatus? To,
    string? Reason, string? SignedXml);
