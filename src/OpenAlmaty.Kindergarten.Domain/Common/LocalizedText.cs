namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A message shown to a person in both of the portal's languages.
public sealed record LocalizedText(string Ru, string Kk)
{
    public string For(string? language) => language == "kk" ? Kk : Ru;

    public override string ToString() => Ru;
}
