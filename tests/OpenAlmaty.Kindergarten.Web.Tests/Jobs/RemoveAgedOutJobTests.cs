using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// Issue 11, defect 10: the yearly update takes children who have reached six out of the queue.
public sealed class RemoveAgedOutJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = ClockHarness.Almaty(2026, 8, 20, 10, 0);
    private ClockHarness _h = null!;

    // The fake clock only goes forward: it starts when the referral below is issued.
    public async Task InitializeAsync() => _h = await ClockHarness.CreateAsync(new DateTimeOffset(2024, 1, 10, 5, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RemoveAgedOut_SixToday_RemovedWithReasonAndNotified_YoungerAndReferredKept()
    {
        long sixToday, sixTomorrow, eight, referredEight;
        int organisation;
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, Now.AddYears(-1));
            var parent = await scenario.ParentAsync();
            sixToday = (await scenario.ApplicationAsync(parent, new DateOnly(2020, 8, 20))).Id;
            sixTomorrow = (await scenario.ApplicationAsync(parent, new DateOnly(2020, 8, 21))).Id;
            eight = (await scenario.ApplicationAsync(parent, new DateOnly(2018, 3, 3))).Id;
            referredEight = (await scenario.ApplicationAsync(parent, new DateOnly(2018, 4, 4))).Id;
            var org = await scenario.OrganisationAsync();
            organisation = org.Id;
            await scenario.SeatsAsync(org, 2018, 1);
        }
        // Referred when the child was five; not used, not yet annulled: the yearly update leaves referrals alone.
        await _h.IssueAsync(referredEight, organisation);
        _h.Clock.SetUtcNow(Now);

        var removed = await RunAsync();
        var again = await RunAsync();

        Assert.Equal((2, 0), (removed, again));
        await using var check = _h.Database.CreateContext();
        var statuses = await check.Applications.Where(a => new[] { sixToday, sixTomorrow, eight, referredEight }.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Status);
        Assert.Equal(ApplicationStatus.Removed, statuses[sixToday]);
        Assert.Equal(ApplicationStatus.Queued, statuses[sixTomorrow]);
        Assert.Equal(ApplicationStatus.Removed, statuses[eight]);
        Assert.Equal(ApplicationStatus.Referred, statuses[referredEight]);
        var reason = await check.ApplicationEvents.Where(e => e.ApplicationId == sixToday && e.ToStatus == ApplicationStatus.Removed)
            .Select(e => e.Reason).SingleAsync();
        Assert.Equal(QueueAge.AgedOutReason, reason);
        Assert.Equal(2, await check.Set<OutboxMessage>().Where(n => n.Kind == NotificationKind.AgedOut)
            .Select(n => n.ApplicationId).Distinct().CountAsync());
    }

    private Task<int> RunAsync() => _h.InScopeAsync(sp => sp.GetRequiredService<RemoveAgedOutJob>().ExecuteAsync(CancellationToken.None));
}
