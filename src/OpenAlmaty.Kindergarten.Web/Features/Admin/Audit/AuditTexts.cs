namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Audit;

/// The resource of this folder's texts (AuditTexts.kk.resx, AuditTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class AuditTexts
{
}
