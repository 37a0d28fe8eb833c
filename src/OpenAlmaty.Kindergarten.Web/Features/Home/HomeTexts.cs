namespace OpenAlmaty.Kindergarten.Web.Features.Home;

/// The resource of this folder's texts (HomeTexts.kk.resx, HomeTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class HomeTexts
{
}
