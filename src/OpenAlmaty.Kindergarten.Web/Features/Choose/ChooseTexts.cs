namespace OpenAlmaty.Kindergarten.Web.Features.Choose;

/// The resource of this folder's texts (ChooseTexts.kk.resx, ChooseTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ChooseTexts
{
}
