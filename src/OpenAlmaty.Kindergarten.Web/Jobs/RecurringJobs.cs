using Hangfire;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Every scheduled job of the portal, in one list. Cron times are UTC (Almaty is UTC+5).
/// A run missed while the portal was down is started once when it comes back, and each job
/// works from "now", so it catches up.
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        // Deadlines end at 23:59:59 Almaty time: annul within the minute after.
        jobs.AddOrUpdate<ExpireReferralsJob>("expire-referrals", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        jobs.AddOrUpdate<EndPriorityWindowsJob>("end-priority-windows", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        jobs.AddOrUpdate<EndStopListsJob>("end-stop-lists", j => j.ExecuteAsync(CancellationToken.None), "*/5 * * * *");
        // 09:00 in Almaty: a reminder is not an SMS at midnight.
        jobs.AddOrUpdate<ReferralRemindersJob>("referral-reminders", j => j.ExecuteAsync(CancellationToken.None), "0 4 * * *");
        jobs.AddOrUpdate<SendNotificationsJob>("send-notifications", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        // Release windows open and close on the minute; a seat that comes back is offered within the minute.
        jobs.AddOrUpdate<AllocateReleasesJob>("allocate-releases", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        jobs.AddOrUpdate<ReleaseWaitingListsJob>("release-waiting-lists", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        // 02:00 in Almaty, after the gateway's nightly feed; privileges end at the start of the day.
        jobs.AddOrUpdate<ImportPopulationRegistryJob>("import-population-registry", j => j.ExecuteAsync(CancellationToken.None), "0 21 * * *");
        jobs.AddOrUpdate<LapsePrivilegesJob>("lapse-privileges", j => j.ExecuteAsync(CancellationToken.None), "5 19 * * *");
        jobs.AddOrUpdate<ReferralDocumentsJob>("referral-documents", j => j.ExecuteAsync(CancellationToken.None), "* * * * *");
        // 23:50 in Almaty: the day's queue numbers, for "why did my number change".
        jobs.AddOrUpdate<QueueSnapshotJob>("queue-snapshot", j => j.ExecuteAsync(CancellationToken.None), "50 18 * * *");
        // The yearly age update: never on its own; staff trigger it before the season ("Trigger now").
        jobs.AddOrUpdate<RemoveAgedOutJob>("remove-aged-out", j => j.ExecuteAsync(CancellationToken.None), Cron.Never());
    }
}
