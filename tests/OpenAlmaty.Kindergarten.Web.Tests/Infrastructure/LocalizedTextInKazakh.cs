using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Localization;

/// Tests read a message's Kazakh as `text.Kk`, as before the resource files: it now comes from
/// Localization/DomainTexts.kk.resx (docs/decisions/0019). In the global namespace so every test sees it.
public static class LocalizedTextInKazakh
{
    extension(LocalizedText text)
    {
        public string Kk => DomainResources.In(text, "kk");
    }
}
