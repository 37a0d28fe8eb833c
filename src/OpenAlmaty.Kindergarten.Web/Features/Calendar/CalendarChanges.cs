using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Jobs;

namespace OpenAlmaty.Kindergarten.Web.Features.Calendar;

/// Every staff change of the calendar (a day's form, an imported file) goes through here: ONE
/// transaction with calendar_days locked, the calendar read before the change, the change, the
/// running terms extended against the calendar after it (CalendarDeadlines), audited, COMMIT; then
/// the cached calendar is dropped, notifications are sent and extended referrals' PDFs drawn again.
/// A DomainException (a term that would need a year without calendar data) rolls all of it back.
public sealed class CalendarChanges(AppDbContext db, CalendarDeadlines deadlines, WorkingCalendarSource calendars, AuditLog audit,
    IAfterCommit afterCommit, TimeProvider clock)
{
    /// <paramref name="change"/> edits the tracked days (every row is loaded and tracked) and returns
    /// its result and the dates it touched.
    public async Task<(T Result, CalendarExtension Extended)> ApplyAsync<T>(string actor,
        Func<CancellationToken, Task<(T Result, IEnumerable<DateOnly> Dates)>> change, CancellationToken ct)
    {
        CalendarExtension extended;
        T result;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("lock table calendar_days in share row exclusive mode", ct);
            var before = new WorkingCalendar(await db.CalendarDays.ToListAsync(ct));
            (result, var dates) = await change(ct);
            var after = new WorkingCalendar(db.CalendarDays.Local);
            extended = await deadlines.ExtendAsync(before, after, dates, clock.GetUtcNow(), actor, ct);
            if (extended.Any) audit.Add(AuditLog.Actions.Calendar, null, "Календарь: " + extended.Summary);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        calendars.Invalidate();
        if (extended.Any) afterCommit.NotificationsWritten();
        foreach (var referral in extended.Referrals) afterCommit.ReferralChanged(referral);
        return (result, extended);
    }
}
