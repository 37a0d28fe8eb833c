namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Organisations;

/// The resource of this folder's texts (OrganisationsTexts.kk.resx, OrganisationsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class OrganisationsTexts
{
}
