using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.Choose;

public sealed record OrganisationCard(int Id, string NameRu, string NameKk, OrganisationType Type, InstructionLanguage Language,
    District District, string Address, string Phones, string? Website, double? Latitude, double? Longitude, int FreeSeats);

public sealed record PickerFilter(District? District, InstructionLanguage? Language, string? Q)
{
    /// The words typed, as an ILIKE pattern that matches them anywhere (their % and _ taken literally).
    public string? Pattern => string.IsNullOrWhiteSpace(Q) ? null
        : "%" + Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

public sealed record PickerPage(long ApplicationId, string RegistrationNumber, string ChildName, int BirthYear,
    OrganisationType Type, PickerFilter Filter, IReadOnlyList<OrganisationCard> Organisations, OrganisationCard? Selected,
    Guid? RequestId, string? XmlToSign, string? MapTiles, int ListPage = 1)
{
    /// The list is paged, not a box that scrolls inside the scrolling page (a phone showed 6 of 18).
    public const int PageSize = 8;

    public int PageCount => Math.Max(1, (Organisations.Count + PageSize - 1) / PageSize);

    public IEnumerable<OrganisationCard> Shown => Organisations.Skip((ListPage - 1) * PageSize).Take(PageSize);

    /// The page that holds the chosen organisation, or the one asked for.
    public static int PageFor(IReadOnlyList<OrganisationCard> organisations, int? page, OrganisationCard? selected)
    {
        var count = Math.Max(1, (organisations.Count + PageSize - 1) / PageSize);
        if (page is null && selected is not null)
            page = organisations.ToList().FindIndex(o => o.Id == selected.Id) / PageSize + 1;
        return Math.Clamp(page ?? 1, 1, count);
    }
}
