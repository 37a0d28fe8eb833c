namespace OpenAlmaty.Kindergarten.Web.Features.Arrivals;

/// The resource of this folder's texts (ArrivalsTexts.kk.resx, ArrivalsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ArrivalsTexts
{
}
