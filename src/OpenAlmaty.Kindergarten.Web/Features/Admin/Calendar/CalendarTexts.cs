namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Calendar;

/// The resource of this folder's texts (CalendarTexts.kk.resx, CalendarTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class CalendarTexts
{
}
