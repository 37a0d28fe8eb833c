namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// The resource of this folder's texts (SharedTexts.kk.resx, SharedTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class SharedTexts
{
}
