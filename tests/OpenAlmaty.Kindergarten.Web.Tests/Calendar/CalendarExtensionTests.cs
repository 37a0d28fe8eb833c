using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Features.Seats;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Admin;
using OpenAlmaty.Kindergarten.Web.Tests.Documents;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Calendar;

/// Issue 11, point 5: a staff edit that makes a day non-working inside a running referral, stop-list
/// or priority window extends it (never shortens), writes the history and a notification, and the
/// referral's PDF is drawn again after COMMIT. The tests share one database, so each lives in its
/// own weeks of the calendar (their terms never overlap another test's edited days).
public sealed class CalendarExtensionTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    private static DateTimeOffset End(int year, int month, int day) => AlmatyTime.EndOfDay(new DateOnly(year, month, day));

    [Fact]
    public async Task DayOffInsideActiveReferral_ValidUntilMovesOneWorkingDay_HistoryNotificationAndPdfRedrawn()
    {
        // Issued Mon 02.11.2026: valid to Mon 09.11; Thu 05.11 becomes a day off → Tue 10.11.
        var (portal, recorder) = Portal(ClockHarness.Almaty(2026, 11, 2, 10, 0));
        await using var _ = portal;
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var (applicationId, referralId) = await ReferralAsync(portal, 2022);
        Assert.Contains("09.11.2026 23:59", await PdfTextAsync(referralId));

        Assert.Equal(HttpStatusCode.Redirect, (await DayOffAsync(staff, new DateOnly(2026, 11, 5))).StatusCode);

        await using var check = desks.Database.CreateContext();
        Assert.Equal(End(2026, 11, 10), (await check.Referrals.SingleAsync(r => r.Id == referralId)).ValidUntil);
        Assert.Contains(await EventsAsync(check, applicationId), e => e.Contains("10.11.2026", StringComparison.Ordinal));
        var note = await check.Set<OutboxMessage>().Where(m => m.ApplicationId == applicationId && m.Kind == NotificationKind.ReferralExtended).ToListAsync();
        Assert.NotEmpty(note);
        Assert.All(note, m => Assert.Equal(End(2026, 11, 10), m.UntilAt));
        Assert.Equal([referralId], recorder.Changed);
        await RedrawAsync(portal, referralId);
        var text = await PdfTextAsync(referralId);
        Assert.Contains("10.11.2026 23:59", text);
        Assert.DoesNotContain("09.11.2026 23:59", text);
    }

    [Fact]
    public async Task DayBecomesWorkingAgain_NeverShortens()
    {
        // Issued Mon 16.11.2026: valid to Mon 23.11; Wed 18.11 off → Tue 24.11; then 18.11 ordinary
        // again and Sat 21.11 a working day: still Tue 24.11.
        var (portal, recorder) = Portal(ClockHarness.Almaty(2026, 11, 16, 10, 0));
        await using var _ = portal;
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var (applicationId, referralId) = await ReferralAsync(portal, 2022);
        await DayOffAsync(staff, new DateOnly(2026, 11, 18));

        await SaveDayAsync(staff, new DateOnly(2026, 11, 18), new() { ["kind"] = "" });
        await SaveDayAsync(staff, new DateOnly(2026, 11, 21), new() { ["kind"] = "WorkingDay", ["name"] = "Рабочая суббота", ["source"] = "Приказ" });

        await using var check = desks.Database.CreateContext();
        Assert.Equal(End(2026, 11, 24), (await check.Referrals.SingleAsync(r => r.Id == referralId)).ValidUntil);
        Assert.Single(await check.ApplicationEvents.Where(e => e.ApplicationId == applicationId && e.Kind == ApplicationEventKind.DeadlineExtended).ToListAsync());
        Assert.Equal([referralId], recorder.Changed);
    }

    [Fact]
    public async Task DayOffInsideActiveStopList_StopListMovesOneWorkingDay_HistoryAndNotification()
    {
        // Issued Mon 30.11.2026, valid to Mon 07.12, annulled: stop-list to Tue 22.12 (16.12 is a
        // holiday). On Tue 08.12 Fri 11.12 becomes a day off → Wed 23.12.
        var (portal, recorder) = Portal(ClockHarness.Almaty(2026, 11, 30, 10, 0));
        await using var __ = portal;
        var (applicationId, _) = await ReferralAsync(portal, 2022);
        recorder.Clock.SetUtcNow(ClockHarness.Almaty(2026, 12, 8, 0, 5));
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExpireReferralsJob>().ExecuteAsync(CancellationToken.None);
        recorder.Clock.SetUtcNow(ClockHarness.Almaty(2026, 12, 8, 10, 0));
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        await using (var db = desks.Database.CreateContext())
            Assert.Equal(End(2026, 12, 22), (await db.Applications.SingleAsync(a => a.Id == applicationId)).StopListedUntil);

        await DayOffAsync(staff, new DateOnly(2026, 12, 11));

        await using var check = desks.Database.CreateContext();
        Assert.Equal(End(2026, 12, 23), (await check.Applications.SingleAsync(a => a.Id == applicationId)).StopListedUntil);
        Assert.Equal(End(2026, 12, 23), (await check.StopListEntries.SingleAsync(e => e.ApplicationId == applicationId)).Until);
        Assert.Contains(await EventsAsync(check, applicationId), e => e.Contains("стоп-лист продлён до 23.12.2026", StringComparison.Ordinal));
        Assert.All(await check.Set<OutboxMessage>().Where(m => m.ApplicationId == applicationId && m.Kind == NotificationKind.StopListExtended).ToListAsync(),
            m => Assert.Equal(End(2026, 12, 23), m.UntilAt));
        Assert.True(await check.Set<OutboxMessage>().AnyAsync(m => m.ApplicationId == applicationId && m.Kind == NotificationKind.StopListExtended));
    }

    [Fact]
    public async Task DayOffInsidePriorityWindow_OfferAndSeatWindowMoveOneWorkingDay_HistoryAndNotification()
    {
        // State seats published Mon 11.01.2027: window to Thu 14.01; Wed 13.01 off → Fri 15.01.
        var (portal, _) = Portal(ClockHarness.Almaty(2027, 1, 11, 10, 0));
        await using var __ = portal;
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        long applicationId;
        int organisationId;
        await using (var db = desks.Database.CreateContext())
        {
            var scenario = new Scenario(db, StaffKeysFixture.Now);
            organisationId = (await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад № " + Guid.NewGuid().ToString("N")[..4])).Id;
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2023, 5, 1))).Id;
        }
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SeatPublisher>().PublishAsync(organisationId, 2023, 1, "тест", CancellationToken.None);
        await using (var db = desks.Database.CreateContext())
            Assert.Equal(End(2027, 1, 14), (await db.Applications.SingleAsync(a => a.Id == applicationId)).OfferedUntil);

        await DayOffAsync(staff, new DateOnly(2027, 1, 13));

        await using var check = desks.Database.CreateContext();
        var application = await check.Applications.SingleAsync(a => a.Id == applicationId);
        Assert.Equal((ApplicationStatus.Notified, End(2027, 1, 15)), (application.Status, application.OfferedUntil));
        Assert.Equal(End(2027, 1, 15), (await check.Seats.SingleAsync(s => s.OrganisationId == organisationId)).PriorityUntil);
        Assert.Contains(await EventsAsync(check, applicationId), e => e.Contains("продлён до 15.01.2027", StringComparison.Ordinal));
        Assert.True(await check.Set<OutboxMessage>().AnyAsync(m => m.ApplicationId == applicationId && m.Kind == NotificationKind.StateSeatOfferExtended
            && m.UntilAt == End(2027, 1, 15)));
    }

    [Fact]
    public async Task ImportedFileWithDayOffInsideActiveReferral_ValidUntilMovesOneWorkingDay()
    {
        // Issued Mon 01.02.2027: valid to Mon 08.02; a file makes Wed 03.02 a day off → Tue 09.02.
        var (portal, recorder) = Portal(ClockHarness.Almaty(2027, 2, 1, 10, 0));
        await using var _ = portal;
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var (applicationId, referralId) = await ReferralAsync(portal, 2022);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/calendar?year=2027");

        var response = await StaffDesksFixture.PostAsync(staff, "/admin/calendar/import/confirm", token,
            new() { ["csv"] = "date,kind,name_ru,source\n2027-02-03,day_off,Перенос выходного,Постановление\n" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = desks.Database.CreateContext();
        Assert.Equal(End(2027, 2, 9), (await check.Referrals.SingleAsync(r => r.Id == referralId)).ValidUntil);
        Assert.Contains(await EventsAsync(check, applicationId), e => e.Contains("03.02.2027", StringComparison.Ordinal));
        Assert.True(await check.Set<OutboxMessage>().AnyAsync(m => m.ApplicationId == applicationId && m.Kind == NotificationKind.ReferralExtended));
        Assert.Equal([referralId], recorder.Changed);
    }

    [Fact]
    public async Task DayOffOutsideAnyActivePeriod_NothingChanges()
    {
        // Issued Wed 25.11.2026: valid to Wed 02.12. Mon 28.12 becomes a day off: no term contains it.
        var (portal, recorder) = Portal(ClockHarness.Almaty(2026, 11, 25, 10, 0));
        await using var _ = portal;
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var (applicationId, referralId) = await ReferralAsync(portal, 2022);
        int events, notes;
        await using (var db = desks.Database.CreateContext())
            (events, notes) = (await db.ApplicationEvents.CountAsync(e => e.Kind == ApplicationEventKind.DeadlineExtended), await ExtendedNotesAsync(db));

        Assert.Equal(HttpStatusCode.Redirect, (await DayOffAsync(staff, new DateOnly(2026, 12, 28))).StatusCode);

        await using var check = desks.Database.CreateContext();
        Assert.Equal(End(2026, 12, 2), (await check.Referrals.SingleAsync(r => r.Id == referralId)).ValidUntil);
        Assert.Equal((events, notes), (await check.ApplicationEvents.CountAsync(e => e.Kind == ApplicationEventKind.DeadlineExtended), await ExtendedNotesAsync(check)));
        Assert.Empty(recorder.Changed);
        Assert.Contains("02.12.2026 23:59", await PdfTextAsync(referralId));
        Assert.Equal(CalendarDayKind.DayOff, (await check.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 12, 28))).Kind);
        Assert.DoesNotContain(await EventsAsync(check, applicationId), e => e.Contains("Нерабочий день", StringComparison.Ordinal));
    }

    /// The portal with a clock of the test's own (the factory's cannot go back before 25.11.2026)
    /// and a recorder of the work enqueued after COMMIT.
    private (PortalFactory, Recorder) Portal(DateTimeOffset now)
    {
        var recorder = new Recorder(new FakeTimeProvider(now));
        var portal = desks.Portal();
        portal.TestServices = s => s.AddSingleton<TimeProvider>(recorder.Clock).AddScoped<IAfterCommit>(_ => recorder);
        return (portal, recorder);
    }

    /// A queued child with a referral to a private kindergarten, issued now by the portal's own issuer (PDF stored).
    private async Task<(long ApplicationId, long ReferralId)> ReferralAsync(PortalFactory portal, int birthYear)
    {
        long applicationId;
        int organisationId;
        await using (var db = desks.Database.CreateContext())
        {
            var scenario = new Scenario(db, StaffKeysFixture.Now);
            var organisation = await scenario.OrganisationAsync(name: "Сад " + Guid.NewGuid().ToString("N")[..6]);
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, birthYear, 1);
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(birthYear, 3, 1))).Id;
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var referral = await scope.ServiceProvider.GetRequiredService<ReferralIssuer>()
            .IssueAsync(applicationId, organisationId, OrganisationType.PrivateStateOrder, "родитель", null);
        return (applicationId, referral.Id);
    }

    private static async Task RedrawAsync(PortalFactory portal, long referralId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferralDocumentsJob>().RedrawAsync(referralId, CancellationToken.None);
    }

    private async Task<string> PdfTextAsync(long referralId)
    {
        await using var db = desks.Database.CreateContext();
        return PdfTools.Text(await db.ApplicationDocuments.Where(d => d.ReferralId == referralId).Select(d => d.Content).SingleAsync());
    }

    private static Task<List<string>> EventsAsync(Data.AppDbContext db, long applicationId) =>
        db.ApplicationEvents.Where(e => e.ApplicationId == applicationId && e.Reason != null).Select(e => e.Reason!).ToListAsync();

    private static Task<int> ExtendedNotesAsync(Data.AppDbContext db) => db.Set<OutboxMessage>().CountAsync(m =>
        m.Kind == NotificationKind.ReferralExtended || m.Kind == NotificationKind.StopListExtended || m.Kind == NotificationKind.StateSeatOfferExtended);

    private static Task<HttpResponseMessage> DayOffAsync(HttpClient staff, DateOnly date) =>
        SaveDayAsync(staff, date, new() { ["kind"] = "DayOff", ["name"] = "Перенос выходного", ["source"] = "Постановление" });

    private static async Task<HttpResponseMessage> SaveDayAsync(HttpClient staff, DateOnly date, Dictionary<string, string> fields)
    {
        var token = await StaffDesksFixture.TokenAsync(staff, $"/admin/calendar?year={date.Year}");
        fields["date"] = date.ToString("yyyy-MM-dd");
        var response = await StaffDesksFixture.PostAsync(staff, "/admin/calendar", token, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private sealed class Recorder(FakeTimeProvider clock) : IAfterCommit
    {
        public FakeTimeProvider Clock { get; } = clock;

        public List<long> Changed { get; } = [];

        public void NotificationsWritten() { }

        public void ReferralIssued(long referralId) { }

        public void ReferralChanged(long referralId) => Changed.Add(referralId);
    }
}
