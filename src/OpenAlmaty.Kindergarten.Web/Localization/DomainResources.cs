using System.Resources;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Localization;

/// A <see cref="LocalizedText"/> in a language named by the caller, not the reader: the referral
/// PDF is Russian and Kazakh whatever the page's language, and a notification is written in the
/// language its person chose when they acted. Same resource as <see cref="Lang.Of(LocalizedText)"/>.
public static class DomainResources
{
    private static readonly ResourceManager Manager = new(typeof(DomainTexts).FullName!, typeof(DomainTexts).Assembly);

    public static string In(LocalizedText text, string language)
    {
        var culture = Languages.Culture(language);
        return text.Render(key => language == "ru" ? key : Find(key, culture) ?? key, culture);
    }

    private static string? Find(string key, System.Globalization.CultureInfo culture)
    {
        try
        {
            return Manager.GetString(key, culture);
        }
        catch (MissingManifestResourceException)
        {
            return null; // Russian has no resource of its own: the key is the text.
        }
    }
}
