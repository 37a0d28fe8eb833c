using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Features.Arrivals;

public sealed record ArrivalRow(long ReferralId, string Number, string RegistrationNumber, string ChildName, int BirthYear,
    DateTimeOffset IssuedAt, DateTimeOffset ValidUntil, ReferralStatus Status, DateTimeOffset? ClosedAt);

public sealed record OrganisationOption(int Id, string NameRu, string NameKk);

public sealed record ArrivalsPage(int? OrganisationId, LocalizedText? OrganisationName, DateTimeOffset Now,
    IReadOnlyList<ArrivalRow> Active, IReadOnlyList<ArrivalRow> DueSoon, IReadOnlyList<ArrivalRow> Used,
    IReadOnlyList<ArrivalRow> Annulled, IReadOnlyList<OrganisationOption> Organisations)
{
    public static ArrivalsPage PickerOnly(IReadOnlyList<OrganisationOption> organisations, DateTimeOffset now) =>
        new(null, null, now, [], [], [], [], organisations);
}

public sealed record ArrivalTable(string Key, string Title, IReadOnlyList<ArrivalRow> Rows, bool CanConfirm, DateTimeOffset Now);
