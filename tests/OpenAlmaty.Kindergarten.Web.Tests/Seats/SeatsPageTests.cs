using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Arrivals;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seats;

/// Issue 15, item 11: the seats page speaks of the organisation's own kind, says «no history yet»
/// instead of an empty table, and starts the form on a sensible age group, not on babies.
public sealed class SeatsPageTests(StaffPortalFixture f) : IClassFixture<StaffPortalFixture>
{
    [Fact]
    public async Task PrivateKindergartenWithNoSeats_PrivateHelpNoEmptyTablesThreeYearOldsChosen()
    {
        await f.KindergartenOfStaffAsync("Детский сад \"Жаңа\"");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/kindergarten/seats"));

        Assert.Contains(RuleTexts.PrivateSeats.Ru, page, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleTexts.StateSeatWindow.Ru, page, StringComparison.Ordinal);
        Assert.Contains("Изменений пока нет.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-seat-changes", page, StringComparison.Ordinal);
        var threeYearOlds = StaffPortalFixture.Now.Year - PortalRules.PrivateMinimumAgeYears;
        Assert.Contains($"<option value=\"{threeYearOlds}\" selected=\"selected\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminOnStateKindergartenWithSeats_StateHelpAndPublishedGroupChosen()
    {
        await f.GrantAsync(DemoUsers.Admin, StaffRole.Administrator);
        int id;
        await using (var db = f.Database.CreateContext())
        {
            var scenario = new Scenario(db, StaffPortalFixture.Now);
            var organisation = await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад № 7 Государственный");
            await scenario.SeatsAsync(organisation, 2022, 3);
            id = organisation.Id;
        }
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Admin);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/seats?organisation={id}"));

        Assert.Contains(RuleTexts.StateSeatWindow.Ru, page, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleTexts.PrivateSeats.Ru, page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2022\" selected=\"selected\">", page, StringComparison.Ordinal);
    }
}
