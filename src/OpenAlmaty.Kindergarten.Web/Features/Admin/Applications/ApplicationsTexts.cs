namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;

/// The resource of this folder's texts (ApplicationsTexts.kk.resx, ApplicationsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ApplicationsTexts
{
}
