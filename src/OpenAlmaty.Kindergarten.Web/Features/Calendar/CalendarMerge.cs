using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Calendar;

public sealed record CalendarDayChange(CalendarDay Current, CalendarDay Incoming);

/// What a calendar file would change: days added, days corrected, and days the file differs on
/// but staff edited (kept as they are). Days the file does not mention are never touched.
public sealed record CalendarMergePlan(IReadOnlyList<CalendarDay> Added, IReadOnlyList<CalendarDayChange> Changed, IReadOnlyList<CalendarDayChange> Kept)
{
    public string Summary => $"+{Added.Count}, изменено {Changed.Count}, оставлено (правка сотрудника) {Kept.Count}";
}

/// One merge for the shipped file at start and for a file staff import (issue 11, defect 8).
public static class CalendarMerge
{
    public static CalendarMergePlan Plan(IReadOnlyDictionary<DateOnly, CalendarDay> existing, IEnumerable<CalendarDay> incoming)
    {
        List<CalendarDay> added = [];
        List<CalendarDayChange> changed = [], kept = [];
        foreach (var day in incoming.OrderBy(d => d.Date))
        {
            if (!existing.TryGetValue(day.Date, out var current)) added.Add(day);
            else if (current.SameAs(day)) continue;
            else if (current.EditedBy is null) changed.Add(new(current, day));
            else kept.Add(new(current, day));
        }
        return new(added, changed, kept);
    }

    public static async Task<CalendarMergePlan> PlanAsync(AppDbContext db, IEnumerable<CalendarDay> incoming, CancellationToken ct) =>
        Plan(await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, ct), incoming);

    /// Inside the caller's transaction: the table is locked against a staff edit made between the
    /// plan and the write; the caller saves.
    public static async Task<CalendarMergePlan> ApplyAsync(AppDbContext db, IEnumerable<CalendarDay> incoming, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("lock table calendar_days in share row exclusive mode", ct);
        var plan = Plan(await db.CalendarDays.ToDictionaryAsync(d => d.Date, ct), incoming);
        db.CalendarDays.AddRange(plan.Added);
        foreach (var (current, day) in plan.Changed) current.Change(day.Kind, day.Name, day.Source);
        return plan;
    }
}
