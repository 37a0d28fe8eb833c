namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A message shown to a person in both of the portal's languages.
public sealed record LocalizedText(string Ru, string Kk, string? En = null)
{
    public string For(string? language) => language switch { "kk" => Kk, "en" => En ?? Ru, _ => Ru };

    public override string ToString() => Ru;
}
