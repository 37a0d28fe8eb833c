using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// The instruction's last page, driven by the clock: a referral issued on Friday 20 March 2026,
/// just before Nauryz (21-23 March holidays, 24-25 March days off in lieu), through every deadline.
public sealed class ReferralClockJourneyTests : IAsyncLifetime
{
    private ClockHarness _h = null!;
    private WorkingCalendar _calendar = null!;
    private long _applicationId;
    private int _organisationId;

    public async Task InitializeAsync()
    {
        _h = await ClockHarness.CreateAsync(ClockHarness.Almaty(2026, 3, 20, 10, 0));
        await using var db = _h.Database.CreateContext();
        _calendar = new WorkingCalendar(await db.CalendarDays.ToListAsync());
        var scenario = new Scenario(db, _h.Clock.GetUtcNow().AddYears(-1));
        var organisation = await scenario.OrganisationAsync();
        _organisationId = organisation.Id;
        await scenario.SeatsAsync(organisation, 2021, 1);
        _applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1))).Id;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ReferralClock_IssuedBeforeNauryz_RemindsAnnulsStopListsAndRemovesOnSecondExpiry()
    {
        // Issued Friday 20.03: the 5 working days are 26, 27, 30, 31 March and 1 April.
        var first = await _h.IssueAsync(_applicationId, _organisationId);
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 4, 1)), first.ValidUntil);
        Assert.Equal(_calendar.EndOfNthWorkingDayAfter(ClockHarness.Almaty(2026, 3, 20, 10, 0), 5), first.ValidUntil);
        Assert.Equal(2, await CountAsync(NotificationKind.ReferralIssued));

        // The reminder: not on Monday 30.03, on Tuesday 31.03 (one working day before 1 April), once.
        _h.SetAlmaty(2026, 3, 30, 9, 0);
        await _h.RunAsync<ReferralRemindersJob>();
        Assert.Equal(0, await CountAsync(NotificationKind.ReferralReminder));
        _h.SetAlmaty(2026, 3, 31, 9, 0);
        await _h.RunAsync<ReferralRemindersJob>();
        await _h.RunAsync<ReferralRemindersJob>();
        Assert.Equal(2, await CountAsync(NotificationKind.ReferralReminder));
        Assert.Equal(new DateOnly(2026, 3, 31), _calendar.NthWorkingDayAfter(new DateOnly(2026, 3, 30), 1));

        // Annulled at 00:00:00 on 2 April, not at 23:59:59 on 1 April.
        _h.SetAlmaty(2026, 4, 1, 23, 59, 59);
        Assert.Equal(0, await _h.RunAsync<ExpireReferralsJob>());
        Assert.Equal(ApplicationStatus.Referred, (await ApplicationAsync()).Status);
        _h.SetAlmaty(2026, 4, 2, 0, 0, 0);
        Assert.Equal(1, await _h.RunAsync<ExpireReferralsJob>());

        // Back at its original place, in the stop-list to the end of the 10th working day after the
        // referral's last valid day, 1 April: 15 April (issue 11: not counted from the job's run).
        var returned = await ApplicationAsync();
        Assert.Equal(ApplicationStatus.Queued, returned.Status);
        Assert.Equal(ClockHarness.Almaty(2025, 3, 20, 10, 0), returned.QueuedAt);
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 4, 15)), returned.StopListedUntil);
        Assert.Equal(_calendar.EndOfNthWorkingDayAfter(first.ValidUntil, 10), returned.StopListedUntil);
        Assert.Equal(1, await FreeSeatsAsync());
        var annulled = await SingleNotificationAsync(NotificationKind.ReferralAnnulled);
        Assert.Contains("в стоп-листе до 15.04.2026 23:59", annulled.Body);
        // In the parent's language only: Russian, they chose no other (NotificationLanguageTests).
        Assert.DoesNotContain("дейін стоп-парақта", annulled.Body);
        Assert.Equal(["система"], await ActorsSinceAsync(ClockHarness.Almaty(2026, 4, 2, 0, 0)));

        // In the stop-list until its last second; over at 00:00 on 16 April, with a notification.
        _h.SetAlmaty(2026, 4, 15, 23, 59, 59);
        var refused = await Assert.ThrowsAsync<DomainException>(() => _h.IssueAsync(_applicationId, _organisationId));
        Assert.Equal("referral.not-eligible", refused.Code);
        Assert.Equal(0, await _h.RunAsync<EndStopListsJob>());
        _h.SetAlmaty(2026, 4, 16, 0, 0, 0);
        Assert.Equal(1, await _h.RunAsync<EndStopListsJob>());
        Assert.Null((await ApplicationAsync()).StopListedUntil);
        Assert.Contains("15.04.2026 23:59", (await SingleNotificationAsync(NotificationKind.StopListOver)).Body);

        // A second referral on Friday 17 April, valid to Friday 24 April; its expiry removes the child from the queue.
        _h.SetAlmaty(2026, 4, 17, 10, 0);
        var second = await _h.IssueAsync(_applicationId, _organisationId);
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 4, 24)), second.ValidUntil);
        Assert.Equal(_calendar.EndOfNthWorkingDayAfter(ClockHarness.Almaty(2026, 4, 17, 10, 0), 5), second.ValidUntil);
        _h.SetAlmaty(2026, 4, 25, 0, 0, 0);
        Assert.Equal(1, await _h.RunAsync<ExpireReferralsJob>());
        var removed = await ApplicationAsync();
        Assert.Equal(ApplicationStatus.Removed, removed.Status);
        Assert.Equal(2, removed.ExpiredReferralCount);
        Assert.Equal(1, await FreeSeatsAsync());
        Assert.Contains("автоматически снято с очереди", (await SingleNotificationAsync(NotificationKind.RemovedFromQueue)).Body);
        await using var db = _h.Database.CreateContext();
        var last = await db.ApplicationEvents.Where(e => e.ApplicationId == _applicationId).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((ApplicationEventKind.RemovedFromQueue, "система", ApplicationStatus.Removed), (last.Kind, last.Actor, last.ToStatus!.Value));
        Assert.Equal(2, await db.Referrals.CountAsync(r => r.ApplicationId == _applicationId && r.Status == ReferralStatus.Annulled));
    }

    private async Task<Application> ApplicationAsync()
    {
        await using var db = _h.Database.CreateContext();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == _applicationId);
    }

    private async Task<int> FreeSeatsAsync()
    {
        await using var db = _h.Database.CreateContext();
        return await db.Seats.Where(s => s.OrganisationId == _organisationId).Select(s => s.FreeSeats).SingleAsync();
    }

    private async Task<int> CountAsync(NotificationKind kind)
    {
        await using var db = _h.Database.CreateContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.Kind == kind && m.ApplicationId == _applicationId);
    }

    private async Task<OutboxMessage> SingleNotificationAsync(NotificationKind kind)
    {
        // The text is filled when it is sent (issue 11): send first, then read what was sent.
        await _h.RunAsync<SendNotificationsJob>();
        await using var db = _h.Database.CreateContext();
        var messages = await db.Set<OutboxMessage>().Where(m => m.Kind == kind && m.ApplicationId == _applicationId).ToListAsync();
        // One per recipient: the applicant's e-mail and phone.
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], messages.Select(m => m.Channel).Order());
        return messages[0];
    }

    private async Task<List<string>> ActorsSinceAsync(DateTimeOffset since)
    {
        await using var db = _h.Database.CreateContext();
        return await db.ApplicationEvents.Where(e => e.ApplicationId == _applicationId && e.At >= since).Select(e => e.Actor).Distinct().ToListAsync();
    }
}
