using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Seats;
using OpenAlmaty.Kindergarten.Web.Tests.Arrivals;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// Staff forms under bad input (issue 17, cases 6, 7 and 12): a seat count that does not bind
/// publishes nothing; a failing POST shows the error page in the person's language; the jobs
/// dashboard is read-only (its own buttons carry no anti-forgery token).
public sealed class HostileFormTests(StaffPortalFixture f) : IClassFixture<StaffPortalFixture>
{
    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task Seats_FreeSeatsThatDoNotBind_MessageAndNothingPublished(string freeSeats)
    {
        var organisation = await f.KindergartenOfStaffAsync("Детский сад \"Қате сан " + freeSeats + "\"");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);
        var page = await client.GetStringAsync("/kindergarten/seats");

        await client.PostAsync("/kindergarten/seats", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffPortalFixture.Token(page), ["birthYear"] = "2022", ["freeSeats"] = freeSeats,
        }));

        Assert.Contains("Проверьте год рождения и число мест", await client.GetStringAsync("/kindergarten/seats"));
        await using var db = f.Database.CreateContext();
        Assert.False(await db.Seats.AnyAsync(s => s.OrganisationId == organisation.Id));
        Assert.False(await db.Set<SeatChange>().AnyAsync(c => c.OrganisationId == organisation.Id));
    }

    [Fact]
    public async Task FailingPost_ErrorPageInPersonsLanguage()
    {
        await using var portal = f.Portal();
        portal.TestServices = s => s.AddControllers().AddApplicationPart(typeof(ThrowingController).Assembly);
        var client = portal.CreateClient();
        await client.GetAsync("/lang/kk");

        var response = await client.PostAsync("/test/throw", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Бірдеңе дұрыс болмады", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task JobsDashboard_ReadOnly_NoCommandButtons()
    {
        await f.GrantAsync(DemoUsers.Admin, StaffRole.Administrator);
        await using var portal = f.Portal();
        var admin = await f.SignInAsync(portal, DemoUsers.Admin);
        // The schedules, as a portal with its Hangfire server on has them: each row has buttons.
        Web.Jobs.RecurringJobs.Register(portal.Services.GetRequiredService<Hangfire.IRecurringJobManager>());

        var html = await admin.GetStringAsync("/admin/jobs/recurring");

        Assert.Contains("Задания портала", html);
        Assert.Contains("expire-referrals", html);
        Assert.DoesNotContain("js-jobs-list-command", html);
    }
}

/// A POST that fails, for the error-page test only (added as an application part by that test).
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ThrowingController : Controller
{
    [HttpPost("/test/throw")]
    public IActionResult Throw() => throw new InvalidOperationException("A failure inside a POST.");
}
