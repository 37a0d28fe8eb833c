using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

using OpenAlmaty.Kindergarten.Web.Features.Shared;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Organisations;

/// Coordinates travel as text: the map writes them with a dot, a person may type a comma, and the
/// model binder would read them in the page's culture.
public sealed class OrganisationForm
{
    public int? Id { get; set; }
    public OrganisationType Type { get; set; } = OrganisationType.PrivateStateOrder;
    public string NameRu { get; set; } = "";
    public string NameKk { get; set; } = "";
    public InstructionLanguage Language { get; set; } = InstructionLanguage.Kazakh;
    public District District { get; set; } = District.Almaly;
    public string Address { get; set; } = "";
    public string Phones { get; set; } = "";
    public string? Website { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public bool IsActive { get; set; } = true;

    public static OrganisationForm From(PreschoolOrganisation o) => new()
    {
        Id = o.Id, Type = o.Type, NameRu = o.NameRu, NameKk = o.NameKk, Language = o.Language, District = o.District,
        Address = o.Address, Phones = o.Phones, Website = o.Website, IsActive = o.IsActive,
        Latitude = o.Latitude?.ToString("0.######", CultureInfo.InvariantCulture),
        Longitude = o.Longitude?.ToString("0.######", CultureInfo.InvariantCulture),
    };

    public (double? Latitude, double? Longitude) Coordinates()
    {
        var lat = Parse(Latitude);
        var lon = Parse(Longitude);
        if (lat is null != lon is null)
            throw new DomainException("organisation.coordinates", new("Укажите обе координаты или ни одной."));
        return (lat, lon);
    }

    private static double? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException("organisation.coordinates", new("Координаты указаны неверно."));
    }
}

public sealed record OrganisationFilter(District? District, OrganisationType? Type, InstructionLanguage? Language, string? Q, bool Inactive, int? Page = null)
{
    /// The filter as the list's URL carries it.
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["q"] = Q, ["district"] = District?.ToString(), ["type"] = Type?.ToString(),
        ["language"] = Language?.ToString(), ["inactive"] = Inactive ? "true" : null,
    };
}

public sealed record OrganisationRow(int Id, string NameRu, string NameKk, OrganisationType Type, InstructionLanguage Language,
    District District, string Address, bool IsActive, int FreeSeats);

public sealed record OrganisationList(OrganisationFilter Filter, IReadOnlyList<OrganisationRow> Rows, District? ScopeDistrict, ListPage Paging);

public sealed record OrganisationEditor(OrganisationForm Form, District? ScopeDistrict, string? TileUrl, string? Error);
