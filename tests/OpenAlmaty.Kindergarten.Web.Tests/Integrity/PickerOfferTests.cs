using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Integrity;

/// Issue 11, defect 6: between the end of a child's priority window and the next job run, the
/// state picker must not show seats still inside another window (the press refuses them).
public sealed class PickerOfferTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task StatePicker_OfferEndedButJobNotRunYet_SeatsInTheirWindowNotShown()
    {
        await using var portal = keys.Portal();
        var now = portal.Clock.GetUtcNow();
        var ended = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, new DateOnly(2022, 4, 4));
        var running = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, new DateOnly(2022, 6, 6));
        await using (var db = keys.Database.CreateContext())
        {
            var scenario = new Scenario(db, now);
            var organisation = await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад Окно 4242");
            await scenario.SeatsAsync(organisation, 2022, 3, priorityUntil: now.AddDays(2));
            var endedApplication = await db.Applications.SingleAsync(a => a.Id == ended.Id);
            endedApplication.OfferStateSeat(now.AddHours(-1), now.AddDays(-3));
            var runningApplication = await db.Applications.SingleAsync(a => a.Id == running.Id);
            runningApplication.OfferStateSeat(now.AddDays(2), now.AddDays(-1));
            await db.SaveChangesAsync();
        }
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);

        var afterWindow = await parent.OpenAsync($"/applications/{ended.Id}/state");
        var insideWindow = await parent.OpenAsync($"/applications/{running.Id}/state");

        Assert.DoesNotContain("Ясли-сад Окно 4242", afterWindow.Text);
        Assert.Contains("Ясли-сад Окно 4242", insideWindow.Text);
    }
}
