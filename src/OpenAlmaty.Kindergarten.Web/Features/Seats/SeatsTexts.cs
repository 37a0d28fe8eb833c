namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

/// The resource of this folder's texts (SeatsTexts.kk.resx, SeatsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class SeatsTexts
{
}
