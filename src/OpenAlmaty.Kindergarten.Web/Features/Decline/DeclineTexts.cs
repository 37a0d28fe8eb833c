namespace OpenAlmaty.Kindergarten.Web.Features.Decline;

/// The resource of this folder's texts (DeclineTexts.kk.resx, DeclineTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class DeclineTexts
{
}
