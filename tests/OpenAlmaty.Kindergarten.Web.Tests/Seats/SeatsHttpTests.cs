using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Seats;
using OpenAlmaty.Kindergarten.Web.Tests.Arrivals;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seats;

public sealed class SeatsHttpTests(StaffPortalFixture f) : IClassFixture<StaffPortalFixture>
{
    [Fact]
    public async Task Seats_KindergartenStaffPublishes_SavedForOwnOrganisationWithWhoAndWhen()
    {
        var organisation = await f.KindergartenOfStaffAsync("Детский сад \"Нұрлы\"");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);
        var page = await client.GetStringAsync("/kindergarten/seats");

        var response = await client.PostAsync("/kindergarten/seats", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffPortalFixture.Token(page), ["birthYear"] = "2022", ["freeSeats"] = "4",
        }));

        Assert.Equal("/kindergarten/seats", response.Headers.Location?.OriginalString);
        Assert.Contains("Опубликовано: 4 мест для детей 2022 г.р.", await client.GetStringAsync("/kindergarten/seats"));
        await using var db = f.Database.CreateContext();
        Assert.Equal(4, await db.Seats.Where(s => s.OrganisationId == organisation.Id && s.BirthYear == 2022).Select(s => s.FreeSeats).SingleAsync());
        var change = await db.Set<SeatChange>().SingleAsync(c => c.OrganisationId == organisation.Id);
        Assert.Equal(("ОМАРОВ ДАНИЯР ЕРЖАНОВИЧ", 0, 4, StaffPortalFixture.Now), (change.ChangedBy, change.FreeSeatsBefore, change.FreeSeatsAfter, change.ChangedAt));
    }

    [Fact]
    public async Task Seats_AdminPage_ForbiddenToKindergartenStaff()
    {
        await f.KindergartenOfStaffAsync("Детский сад \"Тек өзі\"");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);

        var response = await client.GetAsync("/admin/seats");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Нет доступа", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_OnlyForAdministrators()
    {
        await f.GrantAsync(DemoUsers.Admin, StaffRole.Administrator);
        await using var portal = f.Portal();
        var parent = await f.SignInAsync(portal, DemoUsers.Parent1);
        var admin = await f.SignInAsync(portal, DemoUsers.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("/admin/jobs")).StatusCode);
        var anonymous = await portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/jobs");
        Assert.Contains("/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var dashboard = await admin.GetAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Задания портала", await dashboard.Content.ReadAsStringAsync());
    }
}
