namespace OpenAlmaty.Kindergarten.Web.Features.Verify;

/// The resource of this folder's texts (VerifyTexts.kk.resx, VerifyTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class VerifyTexts
{
}
