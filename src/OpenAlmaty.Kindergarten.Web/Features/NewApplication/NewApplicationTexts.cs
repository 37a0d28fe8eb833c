namespace OpenAlmaty.Kindergarten.Web.Features.NewApplication;

/// The resource of this folder's texts (NewApplicationTexts.kk.resx, NewApplicationTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class NewApplicationTexts
{
}
