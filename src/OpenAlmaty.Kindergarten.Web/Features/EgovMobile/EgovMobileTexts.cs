namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// The resource of this folder's texts (EgovMobileTexts.kk.resx, EgovMobileTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class EgovMobileTexts
{
}
