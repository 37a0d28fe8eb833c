using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Calendar;

public sealed record CalendarYear(int Year, IReadOnlyDictionary<DateOnly, CalendarDay> Days, int WorkingDays, CalendarDay? Selected, DateOnly? SelectedDate);

/// The working-day calendar: a year at a glance; holidays, days off and working weekends edited
/// by staff because the Government moves them every year. Deadlines read it through
/// WorkingCalendarSource, which CalendarChanges tells to reload after every change. The calendar is the same
/// for the whole city, so district staff may edit it too.
[Authorize(Policy = Policies.Admin)]
[Route("admin/calendar")]
public sealed class CalendarController(AppDbContext db, CalendarChanges changes, AuditLog audit, TimeProvider clock, Lang<CalendarTexts> lang) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, DateOnly? date, CancellationToken ct)
    {
        var y = year ?? AlmatyTime.Today(clock.GetUtcNow()).Year;
        if (y is < 2000 or > 2100) return NotFound();
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= new DateOnly(y, 1, 1) && d.Date <= new DateOnly(y, 12, 31) && d.Kind != CalendarDayKind.Ordinary)
            .ToDictionaryAsync(d => d.Date, ct);
        var calendar = new WorkingCalendar(days.Values);
        ViewData["AdminSection"] = "calendar";
        return View("~/Features/Admin/Calendar/Views/Index.cshtml", new CalendarYear(y, days, calendar.WorkingDaysIn(y),
            date is { } d && days.TryGetValue(d, out var selected) ? selected : null, date));
    }

    /// kind empty: the date becomes an ordinary day again (Monday to Friday working, weekend off).
    /// A day made non-working inside a running referral, stop-list or priority window extends it
    /// in the same transaction (CalendarChanges).
    [HttpPost("")]
    public async Task<IActionResult> Save(DateOnly date, CalendarDayKind? kind, string? name, string? source, CancellationToken ct)
    {
        var back = Redirect($"/admin/calendar?year={date.Year}&date={date:yyyy-MM-dd}");
        var who = User.Identity?.Name is { Length: > 0 } n ? n : User.Iin() ?? "staff";
        var ordinary = kind is null or CalendarDayKind.Ordinary;
        if (!ordinary && string.IsNullOrWhiteSpace(name))
        {
            TempData["Error"] = lang["Укажите название или основание дня."];
            return back;
        }
        CalendarExtension extended;
        try
        {
            (_, extended) = await changes.ApplyAsync(who, async token =>
            {
                var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, token);
                var text = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
                // An ordinary day is kept as a row marked as staff's, so a shipped file does not bring the old kind back.
                if (ordinary) day?.EditByStaff(CalendarDayKind.Ordinary, day.Name, day.Source, who);
                else if (day is null) db.CalendarDays.Add(CalendarDay.ByStaff(date, kind!.Value, name!.Trim(), text, who));
                else day.EditByStaff(kind!.Value, name!.Trim(), text, who);
                audit.Add(AuditLog.Actions.Calendar, null, $"{date:dd.MM.yyyy}: {(kind?.ToString() ?? "обычный день")} {name}");
                return (true, (IEnumerable<DateOnly>)[date]);
            }, ct);
        }
        catch (DomainException e)
        {
            TempData["Error"] = lang.Of(e.Text);
            return back;
        }
        TempData["Message"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["{0:dd.MM.yyyy} сохранено."], date) + Extended(lang, extended);
        return back;
    }

    /// What the change extended, said to staff after the saved message (empty when nothing).
    internal static string Extended(Lang<CalendarTexts> lang, CalendarExtension extended) => extended.Any
        ? " " + string.Format(System.Globalization.CultureInfo.InvariantCulture,
            lang["Продлены сроки: направлений — {0}, стоп-листов — {1}, предложений мест в гос садах — {2}; родители уведомлены."],
            extended.Referrals.Count, extended.StopLists.Count, extended.Offers.Count)
        : "";
}
