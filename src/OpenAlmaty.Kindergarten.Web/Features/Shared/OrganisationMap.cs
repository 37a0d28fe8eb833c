using System.Text.Json;
using OpenAlmaty.Kindergarten.Web.Features.Choose;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// One organisation on a map: its place, what its popup says, and where its link goes, the same
/// GET as the list beside the map (the picker: open its card; a release: add it to the ranking).
/// No link when there is nothing to do (already picked, five picked).
public sealed record MapMarker(long Id, string Name, double Lat, double Lon, string Address, int Seats, string? Url, bool Selected)
{
    /// The organisation's marker, or none when it has no coordinates (it is in the list only).
    public static MapMarker? Of(OrganisationCard card, long id, bool kazakh, string? url, bool selected) =>
        card.Latitude is { } lat && card.Longitude is { } lon
            ? new(id, kazakh ? card.NameKk : card.NameRu, lat, lon, card.Address, card.FreeSeats, url, selected)
            : null;
}

/// The map beside a list of organisations (wwwroot/js/picker-map.js), for the first-come picker
/// and a release's ranking. It shows only what the list has (the release's page of it, never the
/// whole release). <paramref name="Action"/>: the popup link's words when it is a button under
/// the name; without it the name is the link. With no tile server, a line instead (decision 0021).
public sealed record OrganisationMap(string? Tiles, IReadOnlyList<MapMarker> Markers, string? Action = null, string CssClass = "")
{
    public string MarkersJson => JsonSerializer.Serialize(Markers, JsonSerializerOptions.Web);
}
