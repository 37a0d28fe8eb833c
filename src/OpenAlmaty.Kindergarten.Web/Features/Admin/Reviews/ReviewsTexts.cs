namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reviews;

/// The resource of this folder's texts (ReviewsTexts.kk.resx, ReviewsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ReviewsTexts
{
}
