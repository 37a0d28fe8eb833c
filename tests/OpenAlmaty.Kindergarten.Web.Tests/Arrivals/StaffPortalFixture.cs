using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Arrivals;

/// Staff sign-in over HTTP with no grants made in advance: each test grants what it needs.
public sealed class StaffPortalFixture : StaffKeysFixture
{
    /// Makes the kindergarten demo person staff of a new organisation.
    public async Task<PreschoolOrganisation> KindergartenOfStaffAsync(string name)
    {
        await using var db = Database.CreateContext();
        var organisation = await new Scenario(db, Now).OrganisationAsync(name: name);
        foreach (var old in db.StaffMembers.Where(s => s.Iin == DemoUsers.Kindergarten.Iin)) old.Revoke(Now, "тест");
        db.StaffMembers.Add(new StaffMember(DemoUsers.Kindergarten.Iin, "ОМАРОВ ДАНИЯР", StaffRole.KindergartenStaff, null, organisation.Id, Now, "тест"));
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task GrantAsync(DemoUser user, StaffRole role)
    {
        await using var db = Database.CreateContext();
        db.StaffMembers.Add(new StaffMember(user.Iin, user.LastName, role, null, null, Now, "тест"));
        await db.SaveChangesAsync();
    }

    /// A queued child with a referral to the organisation, issued at <paramref name="issuedAt"/>.
    public async Task<(long ApplicationId, Referral Referral)> ReferredAsync(PreschoolOrganisation organisation, DateTimeOffset issuedAt,
        DateTimeOffset validUntil, string childName = "АЛИХАН")
    {
        await using var db = Database.CreateContext();
        var scenario = new Scenario(db, issuedAt.AddYears(-1));
        var application = await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1), childName: childName);
        var tracked = await db.Organisations.FindAsync(organisation.Id);
        var referral = application.IssueReferral(tracked!, $"R.T.{application.Id}", $"T{application.Id:D9}", issuedAt, validUntil, "родитель", null);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return (application.Id, referral);
    }
}
