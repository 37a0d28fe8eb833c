using System.Text.Json;
using System.Text.Json.Serialization;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

/// One line of the registry feed (JSON lines, docs/population-registry.md).
public sealed record FeedPerson(
    [property: JsonPropertyName("iin")] string? Iin,
    [property: JsonPropertyName("lastName")] string? LastName,
    [property: JsonPropertyName("firstName")] string? FirstName,
    [property: JsonPropertyName("middleName")] string? MiddleName,
    [property: JsonPropertyName("birthDate")] DateOnly? BirthDate,
    [property: JsonPropertyName("parents")] string[]? Parents,
    [property: JsonPropertyName("refreshedAt")] DateTimeOffset? RefreshedAt);

/// Reading and writing the feed. A line that is not a person the portal can use is reported by
/// its number and skipped; the rest of the feed still loads.
public static class RegistryFeed
{
    public const int MaxLineLength = 4096;
    public const int MaxNameLength = 100;
    public const int MaxParents = 4;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Line(FeedPerson person) => JsonSerializer.Serialize(person, Json);

    /// The person on a line, or why it cannot be used.
    public static (FeedPerson? Person, string? Error) Parse(string line)
    {
        if (line.Length > MaxLineLength) return (null, $"line longer than {MaxLineLength} characters");
        FeedPerson? p;
        try
        {
            p = JsonSerializer.Deserialize<FeedPerson>(line, Json);
        }
        catch (JsonException e)
        {
            return (null, "not JSON: " + e.Message);
        }
        if (p is null) return (null, "empty record");
        if (!Iin.TryParse(p.Iin, out var iin, out _)) return (null, "iin is not a valid IIN");
        if (!Name(p.LastName) || !Name(p.FirstName) || (p.MiddleName is not null && p.MiddleName.Length > MaxNameLength))
            return (null, "lastName and firstName are required, names at most 100 characters");
        if (p.BirthDate is { } birth && birth != iin.BirthDate) return (null, "birthDate differs from the IIN's");
        var parents = p.Parents ?? [];
        if (parents.Length > MaxParents) return (null, $"more than {MaxParents} parents");
        foreach (var parent in parents)
            if (!Iin.TryParse(parent, out var parentIin, out _) || parentIin.Value == iin.Value)
                return (null, "a parent's IIN is not a valid IIN");
        return (p with { Iin = iin.Value, BirthDate = iin.BirthDate, Parents = [.. parents.Select(x => x.Trim()).Distinct()] }, null);
    }

    private static bool Name(string? name) => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;
}
