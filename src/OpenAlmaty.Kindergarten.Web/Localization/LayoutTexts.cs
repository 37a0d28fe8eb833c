namespace OpenAlmaty.Kindergarten.Web.Localization;

/// The resource of the layout's texts (Views/Shared) and of any view outside a feature folder:
/// LayoutTexts.kk.resx and .en.resx (docs/decisions/0019).
public sealed class LayoutTexts
{
}
