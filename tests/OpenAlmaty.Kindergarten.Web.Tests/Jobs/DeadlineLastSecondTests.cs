using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// Issue 11, defect 5, as the expiry job sees it: a referral valid to 23:59:59 is still valid at
/// 23:59:59.5 and annulled from midnight, like Application.ExpireReferral says.
public sealed class DeadlineLastSecondTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Issued = ClockHarness.Almaty(2026, 11, 2, 10, 0);
    private ClockHarness _h = null!;

    public async Task InitializeAsync() => _h = await ClockHarness.CreateAsync(Issued);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ExpireReferrals_HalfASecondBeforeMidnightOfTheLastDay_NotAnnulled_AtMidnight_Annulled()
    {
        long applicationId;
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, Issued);
            var organisation = await scenario.OrganisationAsync();
            await scenario.SeatsAsync(organisation, 2022, 1);
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 2, 2))).Id;
            var referral = await _h.IssueAsync(applicationId, organisation.Id);
            _h.Clock.SetUtcNow(referral.ValidUntil.AddMilliseconds(500));
        }

        var inLastSecond = await _h.RunAsync<ExpireReferralsJob>();
        _h.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var atMidnight = await _h.RunAsync<ExpireReferralsJob>();

        Assert.Equal((0, 1), (inLastSecond, atMidnight));
        await using var check = _h.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Queued, await check.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
    }
}
