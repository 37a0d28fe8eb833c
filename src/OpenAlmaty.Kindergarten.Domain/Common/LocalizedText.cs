using System.Globalization;

namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A message shown to a person in both of the portal's languages.
public sealed record LocalizedText(string Ru, string Kk, string? En = null)
{
    public string For(string? language) => language switch { "kk" => Kk, "en" => En ?? Ru, _ => Ru };

    /// The text's {0}, {1} … filled with figures, in every language: the texts themselves stay
    /// literal (one string per language, ready for resource files).
    public LocalizedText Format(params object[] values) => new(
        string.Format(CultureInfo.InvariantCulture, Ru, values),
        string.Format(CultureInfo.InvariantCulture, Kk, values),
        En is null ? null : string.Format(CultureInfo.InvariantCulture, En, values));

    public override string ToString() => Ru;
}
