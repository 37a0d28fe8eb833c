using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

/// A fresh database, demo keys for every demo person, and the staff grants the desks need:
/// the education demo person answers for Almaly district only, the operator and the administrator
/// for the whole city.
public sealed partial class StaffDesksFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    private readonly string keys = Path.Combine(Path.GetTempPath(), "oa-desks-" + Guid.NewGuid().ToString("N")[..8]);

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(keys, DemoUsers.All, EdsKeysFixture.ValidFrom);
        await using var db = Database.CreateContext();
        db.StaffMembers.AddRange(
            new StaffMember(DemoUsers.Education.Iin, "ЖАНДОСОВА ГУЛЬНАРА АСКАРОВНА", StaffRole.EducationStaff, District.Almaly, null, Now, "test"),
            new StaffMember(DemoUsers.Operator.Iin, "СЕЙТКАЛИЕВА АСЕЛЬ МУРАТОВНА", StaffRole.CallCentreOperator, null, null, Now, "test"),
            new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН САГЫНОВИЧ", StaffRole.Administrator, null, null, Now, "test"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }

    public PortalFactory Portal()
    {
        var factory = new PortalFactory(Database);
        factory.Settings["Eds:TrustAnchors:0"] = Path.Combine(keys, DemoKeys.CaFile);
        factory.Settings["DemoData:KeysFolder"] = keys;
        factory.Settings["SignIn:AttemptsPerMinute"] = "1000";
        return factory;
    }

    public async Task<HttpClient> SignInAsync(PortalFactory portal, DemoUser user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await LoginForm.OpenAsync(client);
        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, DemoKeys.Load(DemoKeys.AuthenticationFile(keys, user))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// The anti-forgery token from a page the client may open.
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no token on " + page);
    }

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
