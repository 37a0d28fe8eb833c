using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Notifications;

public sealed class SendNotificationsJobTests
{
    private static readonly DateTimeOffset Now = ClockHarness.Almaty(2026, 11, 2, 10, 0);

    [Fact]
    public async Task SendNotifications_TwoInstancesAtOnce_DeliverEachMessageOnce()
    {
        var recorder = new RecordingSender();
        await using var h = await ClockHarness.CreateAsync(Now);
        var ids = await IssueReferralsAsync(h, 15);

        var delivered = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => h.InScopeAsync(sp =>
            new SendNotificationsJob(sp.GetRequiredService<Data.AppDbContext>(), h.Clock, [recorder, recorder.AsSms()],
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SendNotificationsJob>>()) { BatchSize = 4 }
                .ExecuteAsync(CancellationToken.None)))));

        await using var db = h.Database.CreateContext();
        var all = await db.Set<OutboxMessage>().ToListAsync();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, delivered.Sum());
        Assert.Equal(all.Select(m => m.Id).Order(), recorder.Sent.Select(m => m.Id).Order());
        Assert.All(all, m => Assert.Equal((1, true), (m.Attempts, m.SentAt == Now)));
        Assert.Equal(ids.Count, all.Select(m => m.ApplicationId).Distinct().Count());
    }

    [Fact]
    public async Task SendNotifications_DeliveryFails_RetriedAfterBackoffAndThenMarkedSent()
    {
        var flaky = new RecordingSender { FailuresLeft = 1, Only = NotificationChannel.Sms };
        await using var h = await ClockHarness.CreateAsync(Now);
        await IssueReferralsAsync(h, 1);

        await RunWithAsync(h, flaky);
        await using (var db = h.Database.CreateContext())
        {
            var sms = await db.Set<OutboxMessage>().SingleAsync(m => m.Channel == NotificationChannel.Sms);
            Assert.Equal((1, (DateTimeOffset?)null, Now + SendNotificationsJob.Backoff(1)), (sms.Attempts, sms.SentAt, sms.NextAttemptAt));
            Assert.Equal("SMS gateway is down", sms.LastError);
        }
        // Not before the pause is over.
        await RunWithAsync(h, flaky);
        Assert.DoesNotContain(flaky.Sent, m => m.Channel == NotificationChannel.Sms);

        h.Clock.Advance(SendNotificationsJob.Backoff(1));
        await RunWithAsync(h, flaky);
        await using var check = h.Database.CreateContext();
        Assert.All(await check.Set<OutboxMessage>().ToListAsync(), m => Assert.NotNull(m.SentAt));
        Assert.Single(flaky.Sent, m => m.Channel == NotificationChannel.Sms);
        Assert.Single(flaky.Sent, m => m.Channel == NotificationChannel.Email);
    }

    [Fact]
    public async Task SendNotifications_WithoutSmtp_WritesEmlAndTxtFilesAPersonCanOpen()
    {
        await using var h = await ClockHarness.CreateAsync(Now);
        await IssueReferralsAsync(h, 1);

        Assert.Equal(2, await h.RunAsync<SendNotificationsJob>());

        var eml = Assert.Single(Directory.GetFiles(h.OutboxFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(eml);
        Assert.StartsWith("Направлено уведомление: выдано направление № R.2026.", message.Subject, StringComparison.Ordinal);
        Assert.Equal("parent@example.kz", message.To.Mailboxes.Single().Address);
        // In the parent's language only (Russian: they never chose another; NotificationLanguageTests).
        Assert.DoesNotContain("Хабарлама жіберілді", message.Subject, StringComparison.Ordinal);
        Assert.Contains("действительно до 09.11.2026 23:59", message.TextBody, StringComparison.Ordinal);
        var sms = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(h.OutboxFolder, "*.txt")));
        Assert.StartsWith("To: +7 701 555 12 34", sms, StringComparison.Ordinal);
        Assert.Contains("выдано направление № R.2026.", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("жолдама берілді", sms, StringComparison.Ordinal);
    }

    private static Task<int> RunWithAsync(ClockHarness h, RecordingSender sender) => h.InScopeAsync(sp =>
        new SendNotificationsJob(sp.GetRequiredService<Data.AppDbContext>(), h.Clock, [sender, sender.AsSms()],
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SendNotificationsJob>>()).ExecuteAsync(CancellationToken.None));

    private static async Task<List<long>> IssueReferralsAsync(ClockHarness h, int count)
    {
        List<long> ids = [];
        int organisationId;
        await using (var db = h.Database.CreateContext())
        {
            var scenario = new Scenario(db, Now.AddYears(-1));
            var organisation = await scenario.OrganisationAsync();
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, 2021, count);
            for (var i = 0; i < count; i++) ids.Add((await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1))).Id);
        }
        foreach (var id in ids) await h.IssueAsync(id, organisationId);
        return ids;
    }

    /// Delivers both channels into a list, slowly enough that two instances overlap.
    private sealed class RecordingSender : INotificationSender
    {
        public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();
        public int FailuresLeft { get; set; }
        public NotificationChannel? Only { get; init; }

        public NotificationChannel Channel => NotificationChannel.Email;

        public INotificationSender AsSms() => new SmsView(this);

        public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            if (message.Channel == Only && FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("SMS gateway is down");
            }
            Sent.Enqueue(message);
        }

        private sealed class SmsView(RecordingSender inner) : INotificationSender
        {
            public NotificationChannel Channel => NotificationChannel.Sms;

            public Task SendAsync(OutgoingMessage message, CancellationToken ct) => inner.SendAsync(message, ct);
        }
    }
}
