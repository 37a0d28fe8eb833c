using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Referrals;

public enum ReferralStatus
{
    Active = 1,
    /// The child arrived and was enrolled.
    Used = 2,
    /// Not used in time: annulled automatically.
    Annulled = 3,
    /// Cancelled by education staff with a reason.
    Cancelled = 4,
    /// Declined by the parent (signed); not an expiry.
    Declined = 5,
}

/// Направление: a seat of one organisation, held for one application until <see cref="ValidUntil"/>.
/// Its transitions are driven by <see cref="Applications.Application"/>, which owns the rules.
public sealed class Referral
{
    private Referral() { }

    internal Referral(long applicationId, int organisationId, int birthYear, string number, string verificationCode,
        DateTimeOffset issuedAt, DateTimeOffset validUntil, string? signedRequestXml)
    {
        ApplicationId = applicationId;
        OrganisationId = organisationId;
        BirthYear = birthYear;
        Number = number;
        VerificationCode = verificationCode;
        IssuedAt = issuedAt;
        ValidUntil = validUntil;
        SignedRequestXml = signedRequestXml;
        Status = ReferralStatus.Active;
    }

    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    public long ApplicationId { get; private set; }
    public int OrganisationId { get; private set; }
    public Kindergartens.PreschoolOrganisation? Organisation { get; private set; }
    public int BirthYear { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ValidUntil { get; private set; }
    public ReferralStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CloseReason { get; private set; }

    /// Printed as a QR code; opens /verify/{code}. Carries no personal data.
    public string VerificationCode { get; private set; } = "";
    public string? SignedRequestXml { get; private set; }

    public static LocalizedText StatusText(ReferralStatus status) => status switch
    {
        ReferralStatus.Active => new("Действует"),
        ReferralStatus.Used => new("Использовано (ребёнок зачислен)"),
        ReferralStatus.Annulled => new("Аннулировано"),
        ReferralStatus.Cancelled => new("Отменено"),
        ReferralStatus.Declined => new("Отказ родителя"),
        _ => new(status.ToString(), status.ToString()),
    };

    public bool IsExpiredAt(DateTimeOffset now) => Status == ReferralStatus.Active && Common.Deadline.HasPassed(ValidUntil, now);

    /// A calendar change moved the last valid day on (Application.ExtendReferral); never earlier.
    internal void Extend(DateTimeOffset validUntil)
    {
        if (validUntil > ValidUntil) ValidUntil = validUntil;
    }

    internal void Close(ReferralStatus to, DateTimeOffset now, string? reason)
    {
        if (Status != ReferralStatus.Active)
            throw new DomainException("referral.not-active", new(
                "Направление {0} уже не действует ({1}).", Number, StatusText(Status)));
        Status = to;
        ClosedAt = now;
        CloseReason = reason;
    }
}
