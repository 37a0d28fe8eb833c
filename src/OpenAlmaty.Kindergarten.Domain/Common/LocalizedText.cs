using System.Globalization;

namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A message for a person, as a key: the Russian text (the neutral language, with {0}-style
/// placeholders) and the values that fill it. The portal looks the key up in its resources
/// (Localization/DomainTexts.kk.resx, .en.resx) in the reader's language; an argument that is a
/// LocalizedText is translated the same way, and a number the rules keep (PortalRules) is passed as
/// an argument, never written into the text (docs/decisions/0019).
public sealed record LocalizedText(string Key, params object?[] Args)
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// The Russian, as the key says it: logs, exception messages, the city's Russian registers.
    public string Ru => Render(key => key, Russian);

    public string Render(Func<string, string> translate, IFormatProvider culture)
    {
        var format = translate(Key);
        if (Args.Length == 0) return format;
        var values = Args.Select(a => a is LocalizedText inner ? inner.Render(translate, culture) : a).ToArray();
        return string.Format(culture, format, values);
    }

    /// The same key with its {0}, {1} … values: a text declared once, filled where it is used.
    public LocalizedText Format(params object?[] values) => new(Key, values);

    public override string ToString() => Ru;
}
