using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// Sessions the server can end (issue 17, cases 9 and 10): the cookie names a session row, and
/// logout or a change to the person's grants ends it whatever the browser keeps.
public sealed class ServerSessionTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(PortalFactory portal, System.Security.Cryptography.X509Certificates.X509Certificate2 key)
    {
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa.session=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    private static async Task<HttpStatusCode> WithCookieAsync(PortalFactory portal, string cookie, string path)
    {
        var stranger = portal.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await stranger.SendAsync(request)).StatusCode;
    }

    private static async Task PostAsync(HttpClient client, string path, string pageWithToken)
    {
        var token = StaffKeysFixture.Token(await client.GetStringAsync(pageWithToken));
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Logout_OldCookieSentAgain_NotSignedIn()
    {
        await using var portal = keys.Portal();
        var (client, cookie) = await SignInAsync(portal, keys.AuthKey(DemoUsers.Parent1));
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(portal, cookie, "/applications"));

        await PostAsync(client, "/logout", "/");

        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(portal, cookie, "/applications"));
    }

    [Fact]
    public async Task RevokeGrant_ByAdministrator_NextRequestHasNoRole()
    {
        int grant;
        await using (var db = keys.Database.CreateContext())
        {
            if (!await db.StaffMembers.AnyAsync(s => s.Iin == DemoUsers.Admin.Iin && s.RevokedAt == null))
                db.StaffMembers.Add(new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН", StaffRole.Administrator, null, null, DateTimeOffset.UtcNow, "test"));
            var member = new StaffMember(DemoUsers.Parent1.Iin, "ТУЛЕУБАЕВА АЙГЕРИМ", StaffRole.CallCentreOperator, null, null, DateTimeOffset.UtcNow, "test");
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync();
            grant = member.Id;
        }
        await using var portal = keys.Portal();
        portal.Settings["SignIn:AttemptsPerMinute"] = "1000";
        var (staff, _) = await SignInAsync(portal, keys.AuthKey(DemoUsers.Parent1));
        var (admin, _) = await SignInAsync(portal, keys.AuthKey(DemoUsers.Admin));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/callcentre")).StatusCode);

        await PostAsync(admin, $"/admin/staff/{grant}/revoke", "/admin/staff");

        var after = await staff.GetAsync("/callcentre");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task RevokeGrant_InDatabase_RoleGoneWithinHalfAMinute()
    {
        int grant;
        await using (var db = keys.Database.CreateContext())
        {
            var member = new StaffMember(DemoUsers.Parent2.Iin, "МАНСУРОВ ЕРЛАН", StaffRole.CallCentreOperator, null, null, DateTimeOffset.UtcNow, "test");
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync();
            grant = member.Id;
        }
        await using var portal = keys.Portal();
        portal.Settings["SignIn:AttemptsPerMinute"] = "1000";
        var (staff, _) = await SignInAsync(portal, keys.AuthKey(DemoUsers.Parent2));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/callcentre")).StatusCode);

        await using (var db = keys.Database.CreateContext())
            await db.StaffMembers.Where(s => s.Id == grant).ExecuteUpdateAsync(s => s.SetProperty(m => m.RevokedAt, DateTimeOffset.UtcNow));
        portal.Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/callcentre")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/applications")).StatusCode);
    }
}
