using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// Issue 11, defect 4: the stop-list ends at the end of the 10th working day after the referral's
/// last valid day, whenever the expiry job happens to run.
public sealed class StopListEndTests
{
    [Theory]
    [InlineData(6, 0, 1)]   // on time: the minute after the deadline (Sat 06.06 00:01)
    [InlineData(9, 10, 0)]  // late: the job was down until Tuesday 09.06
    public async Task ExpiredReferral_StopListRunsTenWorkingDaysAfterTheLastValidDay(int day, int hour, int minute)
    {
        // Issued Fri 29.05.2026: valid to Fri 05.06.2026 23:59:59; ten working days after it end on Fri 19.06.
        await using var h = await ClockHarness.CreateAsync(ClockHarness.Almaty(2026, 5, 29, 10, 0));
        long applicationId;
        int organisationId;
        await using (var db = h.Database.CreateContext())
        {
            var scenario = new Scenario(db, h.Clock.GetUtcNow());
            var organisation = await scenario.OrganisationAsync();
            organisationId = organisation.Id;
            await scenario.SeatsAsync(organisation, 2022, 1);
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2022, 1, 10))).Id;
        }
        var referral = await h.IssueAsync(applicationId, organisationId);
        Assert.Equal(AlmatyTime.EndOfDay(new DateOnly(2026, 6, 5)), referral.ValidUntil);

        h.SetAlmaty(2026, 6, day, hour, minute);
        Assert.Equal(1, await h.RunAsync<ExpireReferralsJob>());

        await using var check = h.Database.CreateContext();
        var expected = AlmatyTime.EndOfDay(new DateOnly(2026, 6, 19));
        Assert.Equal(expected, (await check.Applications.SingleAsync(a => a.Id == applicationId)).StopListedUntil);
        Assert.Equal(expected, (await check.StopListEntries.SingleAsync()).Until);
    }
}
