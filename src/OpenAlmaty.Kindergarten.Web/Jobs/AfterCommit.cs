using Hangfire;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Work that follows a committed change, as Hangfire jobs rather than pollers (issue 11): call it
/// after COMMIT, never inside the transaction, so a job never sees a change that is rolled back.
/// The minute schedules in RecurringJobs stay as the safety net (a process that stops between
/// COMMIT and the enqueue), and every job is safe to run twice.
public interface IAfterCommit
{
    /// Notifications were written: deliver them now.
    void NotificationsWritten();

    /// A referral was issued: its PDF is drawn (once; ReferralDocumentsJob.DrawAsync).
    void ReferralIssued(long referralId);

    /// A referral's "valid until" changed (a calendar change extended it): its PDF is drawn again
    /// (ReferralDocumentsJob.RedrawAsync).
    void ReferralChanged(long referralId);
}

public sealed class HangfireAfterCommit(IBackgroundJobClient jobs, ILogger<HangfireAfterCommit> log) : IAfterCommit
{
    public void NotificationsWritten() => Enqueue(() => jobs.Enqueue<SendNotificationsJob>(j => j.ExecuteAsync(CancellationToken.None)));

    public void ReferralIssued(long referralId) =>
        Enqueue(() => jobs.Enqueue<ReferralDocumentsJob>(j => j.DrawAsync(referralId, CancellationToken.None)));

    public void ReferralChanged(long referralId) =>
        Enqueue(() => jobs.Enqueue<ReferralDocumentsJob>(j => j.RedrawAsync(referralId, CancellationToken.None)));

    /// The change is committed whatever happens here: a failed enqueue is left to the safety net.
    private void Enqueue(Func<string> enqueue)
    {
        try
        {
            enqueue();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not enqueue the work after a commit; the minute job will do it");
        }
    }
}

/// Without Hangfire (tools, tests): the jobs are called directly, as the tests do.
public sealed class NoAfterCommit : IAfterCommit
{
    public void NotificationsWritten() { }

    public void ReferralIssued(long referralId) { }

    public void ReferralChanged(long referralId) { }
}
