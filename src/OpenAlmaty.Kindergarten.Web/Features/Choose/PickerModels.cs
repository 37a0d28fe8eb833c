using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.Choose;

public sealed record OrganisationCard(int Id, string NameRu, string NameKk, OrganisationType Type, InstructionLanguage Language,
    District District, string Address, string Phones, string? Website, double? Latitude, double? Longitude, int FreeSeats);

public sealed record PickerFilter(District? District, InstructionLanguage? Language, string? Q);

public sealed record PickerPage(long ApplicationId, string RegistrationNumber, string ChildName, int BirthYear,
    OrganisationType Type, PickerFilter Filter, IReadOnlyList<OrganisationCard> Organisations, OrganisationCard? Selected,
    Guid? RequestId, string? XmlToSign, string? MapTiles);
