using System.Net;
using System.Security.Cryptography.X509Certificates;
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

namespace OpenAlmaty.Kindergarten.Web.Tests.Arrivals;

/// A database, demo keys for the staff people, and a way to sign in over HTTP as one of them.
public sealed partial class StaffPortalFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    private readonly string keys = Path.Combine(Path.GetTempPath(), "oa-staff-keys-" + Guid.NewGuid().ToString("N")[..8]);

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(keys, [DemoUsers.Kindergarten, DemoUsers.Education, DemoUsers.Admin, DemoUsers.Parent1], EdsKeysFixture.ValidFrom);
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
        return factory;
    }

    public async Task<HttpClient> SignInAsync(PortalFactory portal, DemoUser user)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await LoginForm.OpenAsync(client);
        using X509Certificate2 key = DemoKeys.Load(DemoKeys.AuthenticationFile(keys, user));
        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

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

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
