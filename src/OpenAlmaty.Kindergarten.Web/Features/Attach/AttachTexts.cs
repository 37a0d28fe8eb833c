namespace OpenAlmaty.Kindergarten.Web.Features.Attach;

/// The resource of this folder's texts (AttachTexts.kk.resx, AttachTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class AttachTexts
{
}
