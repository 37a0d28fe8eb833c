using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Localization;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Calendar;

public sealed record CalendarImportPreview(CalendarMergePlan Plan, string Csv);

/// Staff import a calendar file: upload shows what would change (nothing is written), confirm
/// merges it in one transaction (CalendarChanges: running terms extended), audited. The size is checked before the file is read, the shape
/// of every line before anything is planned.
[Authorize(Policy = Policies.Admin)]
[Route("admin/calendar/import")]
public sealed class CalendarImportController(AppDbContext db, CalendarChanges changes, AuditLog audit, Lang<CalendarTexts> lang) : Controller
{
    // Above CalendarFile.MaxBytes, so that a file slightly too large gets the clear message.
    private const int RequestLimit = 4 * CalendarFile.MaxBytes;

    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refuse(CalendarFile.Empty);
        if (file.Length > CalendarFile.MaxBytes) return Refuse(CalendarFile.TooLarge);
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            text = await reader.ReadToEndAsync(ct);
        var (days, error) = CalendarFile.Read(text);
        if (error is not null) return Refuse(error);
        ViewData["AdminSection"] = "calendar";
        return View("~/Features/Admin/Calendar/Views/Preview.cshtml", new CalendarImportPreview(await CalendarMerge.PlanAsync(db, days, ct), text));
    }

    [HttpPost("confirm")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(ValueLengthLimit = RequestLimit)]
    public async Task<IActionResult> Confirm(string? csv, CancellationToken ct)
    {
        var (days, error) = CalendarFile.Read(csv ?? "");
        if (error is not null) return Refuse(error);
        var who = User.Identity?.Name is { Length: > 0 } n ? n : "staff";
        CalendarMergePlan plan;
        CalendarExtension extended;
        try
        {
            // The days added or corrected may make days inside running terms non-working: they are extended in the same transaction.
            (plan, extended) = await changes.ApplyAsync(who, async token =>
            {
                var merged = await CalendarMerge.ApplyAsync(db, days, token);
                audit.Add(AuditLog.Actions.Calendar, null, "Импорт календаря: " + merged.Summary);
                return (merged, merged.Added.Select(d => d.Date).Concat(merged.Changed.Select(c => c.Current.Date)));
            }, ct);
        }
        catch (Domain.Common.DomainException e)
        {
            return Refuse(e.Text);
        }
        TempData["Message"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Календарь загружен: добавлено {0}, изменено {1}, оставлено правок сотрудников {2}."], plan.Added.Count, plan.Changed.Count, plan.Kept.Count)
            + CalendarController.Extended(lang, extended);
        return Redirect("/admin/calendar");
    }

    private RedirectResult Refuse(Domain.Common.LocalizedText error)
    {
        TempData["Error"] = lang.Of(error);
        return Redirect("/admin/calendar");
    }
}
