using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

/// Each role reaches only its pages and its scope; a refusal changes nothing.
public sealed class StaffAccessTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/queue")]
    [InlineData("/admin/organisations")]
    [InlineData("/admin/reports")]
    [InlineData("/admin/calendar")]
    [InlineData("/admin/staff")]
    [InlineData("/admin/audit")]
    [InlineData("/callcentre")]
    [InlineData("/callcentre?q=ТЕСТ")]
    public async Task Parent_OpensStaffPage_Forbidden(string page)
    {
        await using var portal = desks.Portal();
        var parent = await desks.SignInAsync(portal, DemoUsers.Parent1);

        var response = await parent.GetAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Parent_OpensApplicationOnCallCentreDesk_ForbiddenAndNotAudited()
    {
        var application = await desks.ApplicationAsync();
        await using var portal = desks.Portal();
        var parent = await desks.SignInAsync(portal, DemoUsers.Parent2);

        var response = await parent.GetAsync($"/callcentre/{application.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = desks.Database.CreateContext();
        Assert.False(await db.Set<Features.Audit.AuditEntry>().AnyAsync(e => e.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Operator_PostsStaffActions_ForbiddenAndNothingChanged()
    {
        var (application, referral, organisation) = await desks.ReferredAsync(District.Almaly);
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);
        var token = await StaffDesksFixture.TokenAsync(op, $"/callcentre/{application.Id}");
        var reason = new Dictionary<string, string> { ["reason"] = "звонок" };

        var responses = new[]
        {
            await StaffDesksFixture.PostAsync(op, $"/admin/applications/{application.Id}/actions/cancel-referral", token, reason),
            await StaffDesksFixture.PostAsync(op, $"/admin/applications/{application.Id}/actions/confirm-arrival", token, reason),
            await StaffDesksFixture.PostAsync(op, $"/admin/applications/{application.Id}/actions/privilege", token, new() { ["reason"] = "x", ["privilege"] = "Orphan" }),
            await StaffDesksFixture.PostAsync(op, $"/admin/organisations/{organisation.Id}/active", token, new() { ["active"] = "false" }),
            await StaffDesksFixture.PostAsync(op, "/admin/organisations/new", token, new() { ["NameRu"] = "Взлом", ["NameKk"] = "Взлом" }),
            await StaffDesksFixture.PostAsync(op, "/admin/calendar", token, new() { ["date"] = "2026-12-01", ["kind"] = "Holiday", ["name"] = "x" }),
            await StaffDesksFixture.PostAsync(op, "/admin/staff", token, new() { ["Iin"] = DemoUsers.Operator.Iin, ["Role"] = "Administrator" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync($"/admin/applications/{application.Id}")).StatusCode);
        await using var db = desks.Database.CreateContext();
        var after = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == application.Id);
        Assert.Equal((ApplicationStatus.Referred, Privilege.None, 2), (after.Status, after.Privilege, after.Events.Count));
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        Assert.True((await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).IsActive);
        Assert.False(await db.Organisations.AnyAsync(o => o.NameRu == "Взлом"));
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 12, 1)));
        Assert.Equal(1, await db.StaffMembers.CountAsync(s => s.Iin == DemoUsers.Operator.Iin));
    }

    [Fact]
    public async Task DistrictStaff_OtherDistrictsApplication_NotFoundAndNothingChanged()
    {
        var (foreign, referral, _) = await desks.ReferredAsync(District.Bostandyk);
        var (own, _, _) = await desks.ReferredAsync(District.Almaly);
        var unreferred = await desks.ApplicationAsync();
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/queue");

        var show = await staff.GetAsync($"/admin/applications/{foreign.Id}");
        var cancel = await StaffDesksFixture.PostAsync(staff, $"/admin/applications/{foreign.Id}/actions/cancel-referral", token,
            new() { ["reason"] = "чужой район" });

        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/applications/{unreferred.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/admin/applications/{own.Id}")).StatusCode);
        await using var db = desks.Database.CreateContext();
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        Assert.Equal(ApplicationStatus.Referred, (await db.Applications.SingleAsync(a => a.Id == foreign.Id)).Status);
    }

    [Fact]
    public async Task DistrictStaff_OtherDistrictsOrganisation_NotFoundAndNotListed()
    {
        var (_, _, foreignOrg) = await desks.ReferredAsync(District.Medeu);
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);
        var token = await StaffDesksFixture.TokenAsync(staff, "/admin/organisations");

        var list = await staff.GetStringAsync("/admin/organisations?district=Medeu");
        var deactivate = await StaffDesksFixture.PostAsync(staff, $"/admin/organisations/{foreignOrg.Id}/active", token, new() { ["active"] = "false" });

        Assert.DoesNotContain(foreignOrg.NameRu, list);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        await using var db = desks.Database.CreateContext();
        Assert.True((await db.Organisations.SingleAsync(o => o.Id == foreignOrg.Id)).IsActive);
    }

    [Theory]
    [InlineData("/admin/staff")]
    [InlineData("/admin/audit")]
    public async Task EducationStaff_AdministratorPages_Forbidden(string page)
    {
        await using var portal = desks.Portal();
        var staff = await desks.SignInAsync(portal, DemoUsers.Education);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/callcentre")).StatusCode);
    }
}
