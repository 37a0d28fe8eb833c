using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using static OpenAlmaty.Kindergarten.Web.Jobs.JobSql;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// A reminder one working day before a referral's deadline: on the working day before the last
/// one (or any later run before the deadline, if that run was missed). One statement; the outbox's
/// unique key makes it once per referral however often the job runs.
public sealed class ReferralRemindersJob(AppDbContext db, TimeProvider clock, WorkingCalendarSource calendars, IAfterCommit afterCommit)
{
    private static readonly string Sql = Outbox.InsertSql($"""
        select r.application_id, r.id as referral_id, {(int)NotificationKind.ReferralReminder} as kind,
               'reminder:' || r.id as dedup_key,
               {Outbox.Subject(NotificationKind.ReferralReminder)} as subject, {Outbox.Body(NotificationKind.ReferralReminder)} as body,
               r.number, o.name_ru as organisation, r.valid_until as until_at, @now as created_at
        from referrals r join organisations o on o.id = r.organisation_id
        where r.status = app_status_referral_active() and r.valid_until >= @now and r.valid_until <= @threshold
        """);

    /// Deadlines that end by the close of the next working day are one working day away ("due soon").
    /// Without next year's calendar (late December), only today's deadlines are "due soon": the next
    /// working day is not guessed.
    public static DateTimeOffset DueSoonBy(Domain.Calendar.WorkingCalendar calendar, DateTimeOffset now)
    {
        var today = AlmatyTime.Today(now);
        try
        {
            return AlmatyTime.EndOfDay(calendar.NthWorkingDayAfter(today, Domain.Rules.PortalRules.ReminderWorkingDaysBefore));
        }
        catch (DomainException e) when (e.Code == "calendar.year-missing")
        {
            return AlmatyTime.EndOfDay(today);
        }
    }

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var threshold = DueSoonBy(calendar, now);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, Sql,
                [P("now", now), P("threshold", threshold), .. Outbox.Parameters(NotificationKind.ReferralReminder)]);
            // One statement outside a transaction: committed when it returns.
            var written = await command.ExecuteNonQueryAsync(ct);
            if (written > 0) afterCommit.NotificationsWritten();
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
