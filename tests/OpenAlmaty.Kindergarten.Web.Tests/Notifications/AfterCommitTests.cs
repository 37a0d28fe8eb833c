using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Notifications;

/// Issue 11, "work after COMMIT as jobs": the delivery and the PDF are enqueued after the change
/// is committed, the texts are filled in C# when sent, and no row stays locked while mail goes out.
public sealed class AfterCommitTests
{
    private static readonly DateTimeOffset Now = ClockHarness.Almaty(2026, 11, 2, 10, 0);

    [Fact]
    public async Task IssueReferral_EnqueuesDeliveryAndPdf_OnlyAfterTheReferralIsCommitted()
    {
        string? connection = null;
        var recorder = new Recorder(() => connection!);
        await using var h = await ClockHarness.CreateAsync(Now, s => s.AddScoped<IAfterCommit>(_ => recorder));
        connection = h.Database.ConnectionString;
        var (applicationId, organisationId) = await OneApplicationAsync(h);

        var referral = await h.IssueAsync(applicationId, organisationId);

        Assert.Equal(["notifications: visible", $"referral {referral.Id}: visible"], recorder.Calls.Order());
    }

    [Fact]
    public async Task SendNotifications_WhileSending_HoldsNoLockAndFillsTheTextInCSharp()
    {
        await using var h = await ClockHarness.CreateAsync(Now);
        var (applicationId, organisationId) = await OneApplicationAsync(h);
        var referral = await h.IssueAsync(applicationId, organisationId);
        await using (var db = h.Database.CreateContext())
        {
            var stored = await db.Set<OutboxMessage>().FirstAsync();
            Assert.Contains("{number}", stored.Subject, StringComparison.Ordinal);
            Assert.Equal(referral.ValidUntil, stored.UntilAt);
        }

        var probe = new LockProbe(h.Database.ConnectionString);
        await h.InScopeAsync(sp => new SendNotificationsJob(sp.GetRequiredService<Data.AppDbContext>(), h.Clock, [probe, probe.AsSms()],
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SendNotificationsJob>>()).ExecuteAsync(CancellationToken.None));

        Assert.Equal(2, probe.Unlocked);
        Assert.All(probe.Sent, m => Assert.Contains($"№ {referral.Number}", m.Subject, StringComparison.Ordinal));
        await using var check = h.Database.CreateContext();
        Assert.All(await check.Set<OutboxMessage>().ToListAsync(), m =>
            Assert.Equal((true, $"Направлено уведомление: выдано направление № {referral.Number}"), (m.SentAt is not null, m.Subject.Split(" / ")[0])));
    }

    private static async Task<(long, int)> OneApplicationAsync(ClockHarness h)
    {
        await using var db = h.Database.CreateContext();
        var scenario = new Scenario(db, Now.AddYears(-1));
        var organisation = await scenario.OrganisationAsync();
        await scenario.SeatsAsync(organisation, 2021, 1);
        return ((await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1))).Id, organisation.Id);
    }

    /// Records each call with what another connection sees at that moment: only committed rows.
    private sealed class Recorder(Func<string> connectionString) : IAfterCommit
    {
        public List<string> Calls { get; } = [];

        public void NotificationsWritten() => Calls.Add($"notifications: {Seen("select count(*) from notifications")}");

        public void ReferralIssued(long referralId) => Calls.Add($"referral {referralId}: {Seen($"select count(*) from referrals where id = {referralId}")}");

        public void ReferralChanged(long referralId) => Calls.Add($"changed {referralId}");

        private string Seen(string sql) => Count(sql) > 0 ? "visible" : "not committed";

        private long Count(string sql)
        {
            using var connection = new NpgsqlConnection(connectionString());
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// While a message is being sent, another connection tries to lock its row without waiting.
    private sealed class LockProbe(string connectionString) : INotificationSender
    {
        public List<OutgoingMessage> Sent { get; } = [];
        public int Unlocked { get; private set; }

        public NotificationChannel Channel => NotificationChannel.Email;

        public INotificationSender AsSms() => new Sms(this);

        public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand($"select id from notifications where id = {message.Id} for update nowait", connection, tx);
            await command.ExecuteScalarAsync(ct);
            Unlocked++;
            Sent.Add(message);
        }

        private sealed class Sms(LockProbe inner) : INotificationSender
        {
            public NotificationChannel Channel => NotificationChannel.Sms;

            public Task SendAsync(OutgoingMessage message, CancellationToken ct) => inner.SendAsync(message, ct);
        }
    }
}
