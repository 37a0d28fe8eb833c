using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// Issue 11, defect 5, as the stop-list and priority-window jobs see it: a term stored as 23:59:59
/// of its last day includes that whole second (Deadline): still running at 23:59:59.5, over at midnight.
public sealed class TermLastSecondTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LastSecond = AlmatyTime.EndOfDay(new DateOnly(2026, 11, 6));
    private ClockHarness _h = null!;

    public async Task InitializeAsync() => _h = await ClockHarness.CreateAsync(LastSecond.AddMilliseconds(500));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task EndStopLists_HalfASecondBeforeMidnightOfTheLastDay_StillStopListed_AtMidnight_Ended()
    {
        long applicationId;
        await using (var db = _h.Database.CreateContext())
        {
            applicationId = (await new Scenario(db, LastSecond.AddDays(-20)).ApplicationAsync(
                await new Scenario(db, LastSecond).ParentAsync(), new DateOnly(2022, 2, 2))).Id;
            await db.Database.ExecuteSqlAsync($"update applications set stop_listed_until = {LastSecond} where id = {applicationId}");
        }

        var inLastSecond = await _h.RunAsync<EndStopListsJob>();
        _h.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var atMidnight = await _h.RunAsync<EndStopListsJob>();

        Assert.Equal((0, 1), (inLastSecond, atMidnight));
        await using var check = _h.Database.CreateContext();
        Assert.Null(await check.Applications.Where(a => a.Id == applicationId).Select(a => a.StopListedUntil).SingleAsync());
    }

    [Fact]
    public async Task EndPriorityWindows_HalfASecondBeforeMidnightOfTheLastDay_OfferAndWindowKept_AtMidnight_Ended()
    {
        long applicationId;
        int organisationId;
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, LastSecond.AddDays(-3));
            var organisation = await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад № 3");
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, 2022, 1, LastSecond);
            var application = await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 2, 2));
            applicationId = application.Id;
            application.OfferStateSeat(LastSecond, LastSecond.AddDays(-3));
            await db.SaveChangesAsync();
        }

        var inLastSecond = await _h.RunAsync<EndPriorityWindowsJob>();
        DateTimeOffset? windowInLastSecond;
        await using (var db = _h.Database.CreateContext())
            windowInLastSecond = await db.Seats.Where(s => s.OrganisationId == organisationId).Select(s => s.PriorityUntil).SingleAsync();
        _h.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var atMidnight = await _h.RunAsync<EndPriorityWindowsJob>();

        Assert.Equal((0, 1), (inLastSecond, atMidnight));
        Assert.Equal(LastSecond, windowInLastSecond);
        await using var check = _h.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Queued, await check.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
        Assert.Null(await check.Seats.Where(s => s.OrganisationId == organisationId).Select(s => s.PriorityUntil).SingleAsync());
    }
}
