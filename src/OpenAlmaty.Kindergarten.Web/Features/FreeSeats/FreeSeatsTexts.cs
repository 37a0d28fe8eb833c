namespace OpenAlmaty.Kindergarten.Web.Features.FreeSeats;

/// The resource of this folder's texts (FreeSeatsTexts.kk.resx, FreeSeatsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class FreeSeatsTexts
{
}
