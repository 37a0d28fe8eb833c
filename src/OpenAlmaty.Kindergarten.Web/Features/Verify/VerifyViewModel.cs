using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Features.Verify;

public sealed record VerifiedReferral(
    string Number,
    string OrganisationNameRu,
    string OrganisationNameKk,
    string OrganisationAddress,
    int BirthYear,
    string LastNameInitial,
    string FirstNameInitial,
    ReferralStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    DateTimeOffset? ClosedAt);

public sealed class VerifyViewModel(VerifiedReferral referral, DateTimeOffset now)
{
    public VerifiedReferral Referral { get; } = referral;

    /// Valid only while active and before its deadline: the expiry job may not have run yet.
    public bool IsValidNow { get; } = referral.Status == ReferralStatus.Active && Deadline.IsOpen(referral.ValidUntil, now);

    /// An active referral past its deadline is shown as expired, not as "Действует".
    public LocalizedText StatusText => Referral.Status == ReferralStatus.Active && !IsValidNow
        ? new("Срок действия истёк")
        : Domain.Referrals.Referral.StatusText(Referral.Status);

    /// "М. А.": enough to match the paper in hand, too little to identify a child.
    public string ChildInitials => $"{Referral.LastNameInitial.ToUpperInvariant()}. {Referral.FirstNameInitial.ToUpperInvariant()}.";

    public string IssuedAt => AlmatyTime.Format(Referral.IssuedAt);

    public string ValidUntil => AlmatyTime.Format(Referral.ValidUntil);

    public string? ClosedAt => Referral.ClosedAt is { } closed ? AlmatyTime.Format(closed) : null;
}
