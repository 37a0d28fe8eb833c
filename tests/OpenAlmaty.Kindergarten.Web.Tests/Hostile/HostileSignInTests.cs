using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Hostile;

/// Sign-in as a hostile client tried it (issue 17, cases 1, 2, 4 and 5 and the certificate policy).
public sealed class HostileSignInTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>, IDisposable
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };
    private readonly TestPki pki = new("OpenAlmaty HOSTILE TEST CA");
    private readonly string pkiAnchor = Path.Combine(Path.GetTempPath(), $"oa-hostile-{Guid.NewGuid():N}.crt");

    private PortalFactory Portal()
    {
        File.WriteAllText(pkiAnchor, pki.Ca.ExportCertificatePem());
        var portal = keys.Portal();
        portal.Settings["Eds:TrustAnchors:1"] = pkiAnchor;
        portal.Settings["SignIn:AttemptsPerMinute"] = "1000";
        return portal;
    }

    [Fact]
    public async Task SignIn_NamespaceBomb_RefusedByPreScanNonceUnused()
    {
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var bomb = HostileXmlTests.NamespaceBomb(NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)), 200);

        var response = await form.PostAsync(client, bomb);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("xml.too-complex", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNonceUnusedAsync(form.Nonce);
    }

    /// A login over 16 K characters (a real one is 3–5 K) is refused on its length, before the
    /// nonce, the certificate or canonicalisation.
    [Fact]
    public async Task SignIn_TwentyKilobyteComment_RefusedTooLargeNonceUnused()
    {
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var signed = NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1))
            .Replace("</nonce>", "</nonce><!--" + new string('x', 20_000) + "-->", StringComparison.Ordinal);

        var response = await form.PostAsync(client, signed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("xml.too-large", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNonceUnusedAsync(form.Nonce);
    }

    /// A body whose Content-Length is over the sign-in limit is answered 413 with a page in the
    /// person's language, before the form is read: no reason code (the document was never looked
    /// at), the nonce unused, nobody signed in.
    [Fact]
    public async Task SignIn_BodyOverTheLimit_Refused413BeforeItIsReadNothingStored()
    {
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var bomb = HostileXmlTests.NamespaceBomb(NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)), 5_000);

        var response = await form.PostAsync(client, bomb);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Отправлено больше данных, чем принимает эта форма (не больше 64 КБ); ничего не сохранено.", System.Net.WebUtility.HtmlDecode(html));
        Assert.Null(LoginForm.ReasonIn(html));
        await AssertNonceUnusedAsync(form.Nonce);
    }

    /// The 2 MB document is refused by its length, before the form is read, on a real port (Kestrel
    /// as in production).
    [Fact]
    public async Task SignIn_TwoMegabyteBody_RefusedBeforeItIsReadNonceUnused()
    {
        await using var portal = Portal();
        portal.UseKestrel(0);
        portal.StartServer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = new Uri(portal.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)),
        };
        var form = await LoginForm.OpenAsync(client);
        var bomb = HostileXmlTests.NamespaceBomb(NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)), 80_000);
        Assert.True(bomb.Length > 1_000_000, $"the document is only {bomb.Length} characters");

        var response = await form.PostAsync(client, bomb);

        // Refused from its Content-Length before the anti-forgery check reads the form (no refusal
        // reason on a login page: that would mean the 2 MB were read, decoded and pre-scanned).
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNonceUnusedAsync(form.Nonce);
    }

    [Fact]
    public async Task SignIn_NonceShownToAnotherBrowser_Refused()
    {
        await using var portal = Portal();
        var victim = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(victim);
        var signed = NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1));

        var attacker = portal.CreateClient(NoRedirects);
        var attackerForm = await LoginForm.OpenAsync(attacker);
        var response = await attackerForm.PostAsync(attacker, signed, nonce: form.Nonce);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nonce.other-browser", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNonceUnusedAsync(form.Nonce);
    }

    [Fact]
    public async Task SignIn_LegalEntityCertificate_RefusedAsParentAndNobodyCreated()
    {
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        using var company = pki.Issue(TestPki.RealIin, "123456789021", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            TestPki.ClientAuth, kindOid: TestPki.LegalEntityEmployee);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, company));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("signin.legal-entity", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await using var db = keys.Database.CreateContext();
        Assert.False(await db.People.AnyAsync(p => p.Iin == TestPki.RealIin));
    }

    [Fact]
    public async Task SignIn_EmployeeCertificateOfOwnOrganisation_StaffRoleWithoutParent()
    {
        const string iin = "870228310007";
        await using (var db = keys.Database.CreateContext())
        {
            var organisation = await new Scenario(db, DateTimeOffset.UtcNow).OrganisationAsync(name: "Сад с БИН");
            await db.Database.ExecuteSqlRawAsync("UPDATE organisations SET bin = '123456789021' WHERE id = {0}", organisation.Id);
            db.StaffMembers.Add(new StaffMember(iin, "СЕЙТКАЛИЕВА АСЕЛЬ", StaffRole.KindergartenStaff, null, organisation.Id, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        }
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        using var employee = pki.Issue(iin, "123456789021", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            TestPki.ClientAuth, kindOid: TestPki.LegalEntityEmployee);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, employee));

        Assert.Equal("/kindergarten", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kindergarten")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/applications")).StatusCode);
    }

    [Fact]
    public async Task SignIn_EmployeeCertificateOfAnotherOrganisation_Refused()
    {
        const string iin = "920715310006";
        await using (var db = keys.Database.CreateContext())
        {
            var organisation = await new Scenario(db, DateTimeOffset.UtcNow).OrganisationAsync(name: "Сад без этого БИН");
            db.StaffMembers.Add(new StaffMember(iin, "ОМАРОВ ДАНИЯР", StaffRole.KindergartenStaff, null, organisation.Id, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        }
        await using var portal = Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        using var employee = pki.Issue(iin, "990140000000", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            TestPki.ClientAuth, kindOid: TestPki.LegalEntityEmployee);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, employee));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("signin.legal-entity", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignIn_CertificateNameDiffersFromStored_ChangeRecordedInAudit()
    {
        await using var portal = Portal();
        var first = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(first);
        await form.PostAsync(first, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent2)));
        await using (var db = keys.Database.CreateContext())
            await db.People.Where(p => p.Iin == DemoUsers.Parent2.Iin).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastName, "ПРЕЖНЯЯ"));

        var second = portal.CreateClient(NoRedirects);
        var again = await LoginForm.OpenAsync(second);
        await again.PostAsync(second, NcaXmlSigner.Sign(again.Xml, keys.AuthKey(DemoUsers.Parent2)));

        await using var check = keys.Database.CreateContext();
        var entry = await check.Set<AuditEntry>().SingleAsync(a => a.Action == "person.name-from-certificate" && a.ActorIin == DemoUsers.Parent2.Iin);
        Assert.Contains("ПРЕЖНЯЯ", entry.Details);
        Assert.Contains("МАНСУРОВ", entry.Details);
    }

    private async Task AssertNonceUnusedAsync(string nonce)
    {
        await using var db = keys.Database.CreateContext();
        Assert.Null((await db.Set<LoginNonce>().SingleAsync(n => n.Value == nonce)).UsedAt);
    }

    public void Dispose()
    {
        pki.Dispose();
        File.Delete(pkiAnchor);
    }
}
