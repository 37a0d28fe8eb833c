namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Reports;

/// The resource of this folder's texts (ReportsTexts.kk.resx, ReportsTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ReportsTexts
{
}
