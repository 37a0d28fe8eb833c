using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Web.Tests.Arrivals;

public sealed class ArrivalTests(StaffPortalFixture f) : IClassFixture<StaffPortalFixture>
{
    private static readonly DateTimeOffset Yesterday = StaffPortalFixture.Now.AddDays(-1);
    private static readonly DateTimeOffset NextWeek = AlmatyTime.EndOfDay(new DateOnly(2026, 12, 1));

    [Fact]
    public async Task Arrival_StaffConfirmsBeforeDeadline_ChildEnrolledAndSecondClickSaysDone()
    {
        var organisation = await f.KindergartenOfStaffAsync("Детский сад \"Айгөлек\"");
        var (applicationId, referral) = await f.ReferredAsync(organisation, Yesterday, NextWeek, "ДИАНА");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);

        var page = await client.GetStringAsync("/kindergarten");
        Assert.Contains("Айгөлек", page);
        Assert.Contains($"data-referral=\"{referral.Number}\"", page);
        Assert.Contains("ДИАНА", page);
        var response = await PostArrivalAsync(client, page, referral.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Зачисление подтверждено", await client.GetStringAsync("/kindergarten"));
        await using (var db = f.Database.CreateContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            Assert.Equal(ApplicationStatus.Enrolled, application.Status);
            Assert.Equal(ReferralStatus.Used, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
            var last = await db.ApplicationEvents.Where(e => e.ApplicationId == applicationId).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal((ApplicationEventKind.ArrivalConfirmed, "ОМАРОВ ДАНИЯР ЕРЖАНОВИЧ"), (last.Kind, last.Actor));
        }

        await PostArrivalAsync(client, await client.GetStringAsync("/kindergarten"), referral.Id);
        Assert.Contains($"Зачисление по направлению № {referral.Number} уже подтверждено.", await client.GetStringAsync("/kindergarten"));
    }

    [Fact]
    public async Task Arrival_AfterTheDeadline_RefusedAndNothingChanged()
    {
        var organisation = await f.KindergartenOfStaffAsync("Детский сад \"Балапан\"");
        var lateDeadline = AlmatyTime.EndOfDay(new DateOnly(2026, 11, 24));
        var (applicationId, referral) = await f.ReferredAsync(organisation, Yesterday.AddDays(-10), lateDeadline);
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);

        var token = StaffPortalFixture.Token(await client.GetStringAsync("/kindergarten"));
        await client.PostAsync($"/kindergarten/referrals/{referral.Id}/arrival",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains("Срок направления истёк 24.11.2026 23:59: зачисление невозможно.", await client.GetStringAsync("/kindergarten"));
        await using var db = f.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Referred, (await db.Applications.SingleAsync(a => a.Id == applicationId)).Status);
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
    }

    [Fact]
    public async Task Arrival_StaffOfAnotherOrganisation_NotFoundAndNothingChanged()
    {
        var other = await f.KindergartenOfStaffAsync("Детский сад \"Чужой\"");
        var (applicationId, referral) = await f.ReferredAsync(other, Yesterday, NextWeek);
        await f.KindergartenOfStaffAsync("Детский сад \"Свой\"");
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Kindergarten);

        var page = await client.GetStringAsync("/kindergarten");
        Assert.DoesNotContain(referral.Number, page);
        var response = await PostArrivalAsync(client, page, referral.Id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = f.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Referred, (await db.Applications.SingleAsync(a => a.Id == applicationId)).Status);
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
    }

    [Fact]
    public async Task Arrival_EducationStaff_PicksAnyOrganisationAndConfirms()
    {
        var organisation = await f.KindergartenOfStaffAsync("Детский сад \"Любой\"");
        var (applicationId, referral) = await f.ReferredAsync(organisation, Yesterday, NextWeek);
        await f.GrantAsync(DemoUsers.Education, StaffRole.EducationStaff);
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Education);

        Assert.Contains("— выберите организацию —", await client.GetStringAsync("/kindergarten"));
        var page = await client.GetStringAsync($"/kindergarten?organisation={organisation.Id}");
        var response = await PostArrivalAsync(client, page, referral.Id);

        Assert.Equal($"/kindergarten?organisation={organisation.Id}", response.Headers.Location?.OriginalString);
        await using var db = f.Database.CreateContext();
        Assert.Equal(ApplicationStatus.Enrolled, (await db.Applications.SingleAsync(a => a.Id == applicationId)).Status);
    }

    [Fact]
    public async Task Arrival_Parent_IsNotLetIn()
    {
        await using var portal = f.Portal();
        var client = await f.SignInAsync(portal, DemoUsers.Parent1);

        var response = await client.GetAsync("/kindergarten");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Нет доступа", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostArrivalAsync(HttpClient client, string page, long referralId) =>
        client.PostAsync($"/kindergarten/referrals/{referralId}/arrival",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffPortalFixture.Token(page) }));
}
