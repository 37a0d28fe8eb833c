namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Staff;

/// The resource of this folder's texts (StaffTexts.kk.resx, StaffTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class StaffTexts
{
}
