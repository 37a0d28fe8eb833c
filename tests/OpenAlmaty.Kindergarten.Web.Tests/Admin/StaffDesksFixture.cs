using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

/// A fresh database, demo keys for every demo person, and the staff grants the desks need:
/// the education demo person answers for Almaly district only, the operator and the administrator
/// for the whole city.
public sealed class StaffDesksFixture : StaffKeysFixture
{
    protected override async Task SeedStaffAsync()
    {
        await using var db = Database.CreateContext();
        db.StaffMembers.AddRange(
            new StaffMember(DemoUsers.Education.Iin, "ЖАНДОСОВА ГУЛЬНАРА АСКАРОВНА", StaffRole.EducationStaff, District.Almaly, null, Now, "test"),
            new StaffMember(DemoUsers.Operator.Iin, "СЕЙТКАЛИЕВА АСЕЛЬ МУРАТОВНА", StaffRole.CallCentreOperator, null, null, Now, "test"),
            new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН САГЫНОВИЧ", StaffRole.Administrator, null, null, Now, "test"));
        await db.SaveChangesAsync();
    }

    /// The anti-forgery token from a page the client may open.
    public static async Task<string> TokenAsync(HttpClient client, string page) => Token(await client.GetStringAsync(page));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// A queued application whose child is 3+ (born 2022), a parent with a phone.
    public async Task<Application> ApplicationAsync(string childName = "АЛИХАН", string parentLast = "ТЕСТОВА")
    {
        await using var db = Database.CreateContext();
        var scenario = new Scenario(db, Now);
        var parent = await scenario.ParentAsync(parentLast);
        return await scenario.ApplicationAsync(parent, new DateOnly(2022, 3, 1), childName: childName);
    }

    /// An application referred to an organisation of the district (the seat already taken).
    public async Task<(Application Application, Referral Referral, PreschoolOrganisation Organisation)> ReferredAsync(District district)
    {
        var application = await ApplicationAsync();
        await using var db = Database.CreateContext();
        var organisation = await new Scenario(db, Now).OrganisationAsync(district: district, name: "Сад " + Guid.NewGuid().ToString("N")[..6]);
        await new Scenario(db, Now).SeatsAsync(organisation, 2022, 0);
        var tracked = await db.Applications.FindAsync(application.Id);
        var referral = tracked!.IssueReferral(organisation, "R.2026." + Random.Shared.Next(100000, 999999), Guid.NewGuid().ToString("N")[..10],
            Now, Now.AddDays(7), "тест", null);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return (tracked, referral, organisation);
    }
}
