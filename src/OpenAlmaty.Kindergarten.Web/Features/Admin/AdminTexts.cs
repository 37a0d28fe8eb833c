namespace OpenAlmaty.Kindergarten.Web.Features.Admin;

/// The resource of this folder's texts (AdminTexts.kk.resx, AdminTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class AdminTexts
{
}
