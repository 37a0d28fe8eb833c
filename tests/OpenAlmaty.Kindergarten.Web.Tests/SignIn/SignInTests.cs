using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

public sealed class SignInTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task SignIn_AuthenticationKey_CreatesPersonFromCertificateAndOpensHomePage()
    {
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent2)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("МАНСУРОВ ЕРЛАН БОЛАТҰЛЫ", home);
        Assert.Contains("href=\"/applications\">Просмотр</a>", home);
        Assert.DoesNotContain("href=\"/admin\"", home);
        await using var db = keys.Database.CreateContext();
        var person = await db.People.SingleAsync(p => p.Iin == DemoUsers.Parent2.Iin);
        Assert.Equal(("МАНСУРОВ", "ЕРЛАН", "БОЛАТҰЛЫ"), (person.LastName, person.FirstName, person.MiddleName));
    }

    [Fact]
    public async Task SignIn_StaffIin_GetsParentAndStaffRolesAndLandsOnStaffPage()
    {
        await using (var db = keys.Database.CreateContext())
        {
            db.StaffMembers.Add(new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН", StaffRole.Administrator, null, null, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        }
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Admin)));

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("href=\"/admin\"", home);
        Assert.Contains("href=\"/applications\">Просмотр</a>", home);
    }

    [Fact]
    public async Task SignIn_ReturnUrl_RedirectsThereOnlyWhenLocal()
    {
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var signed = NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1));

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token, ["nonce"] = form.Nonce, ["signedXml"] = signed, ["returnUrl"] = "https://evil.example/",
        }));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_ReplayedSignature_RejectedAsUsed()
    {
        await using var portal = keys.Portal();
        var first = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(first);
        var signed = NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1));
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(first, signed)).StatusCode);

        // The same browser sends it again (another browser is refused earlier: Hostile/HostileSignInTests).
        var replayForm = await LoginForm.OpenAsync(first);
        var replay = await replayForm.PostAsync(first, signed, nonce: form.Nonce);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        var html = await replay.Content.ReadAsStringAsync();
        Assert.Equal("nonce.used", LoginForm.ReasonIn(html));
        Assert.Contains("Эта подпись уже использована для входа", html);
        Assert.DoesNotContain("oa.session", string.Join(';', replay.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task SignIn_ExpiredNonce_RejectedAndNothingChanged()
    {
        var people = await PeopleAsync();
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var signed = NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1));
        portal.Clock.Advance(NonceStore.Lifetime + TimeSpan.FromSeconds(1));

        var response = await form.PostAsync(client, signed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nonce.expired", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNothingChangedAsync(form.Nonce, people);
    }

    [Fact]
    public async Task SignIn_SigningKeyInsteadOfAuthenticationKey_Rejected()
    {
        var people = await PeopleAsync();
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.SigningKey(DemoUsers.Parent2)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("eds.cert.signing-key-for-sign-in", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNothingChangedAsync(form.Nonce, people);
    }

    [Fact]
    public async Task SignIn_CertificateFromUntrustedCa_Rejected()
    {
        var people = await PeopleAsync();
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1, trusted: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("eds.cert.untrusted", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNothingChangedAsync(form.Nonce, people);
    }

    [Fact]
    public async Task SignIn_SignatureOfAnotherPagesNonce_Rejected()
    {
        var people = await PeopleAsync();
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);
        var other = await LoginForm.OpenAsync(client);

        var response = await other.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)));

        Assert.Equal("nonce.mismatch", LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNothingChangedAsync(form.Nonce, people);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Rejected()
    {
        var people = await PeopleAsync();
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.AuthKey(DemoUsers.Parent1)), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(LoginForm.ReasonIn(await response.Content.ReadAsStringAsync()));
        await AssertNothingChangedAsync(form.Nonce, people);
    }

    [Fact]
    public async Task SignIn_RejectedForKazakhReader_ReasonInKazakh()
    {
        await using var portal = keys.Portal();
        var client = portal.CreateClient(NoRedirects);
        await client.GetAsync("/lang/kk");
        var form = await LoginForm.OpenAsync(client);

        var response = await form.PostAsync(client, NcaXmlSigner.Sign(form.Xml, keys.SigningKey(DemoUsers.Parent1)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("eds.cert.signing-key-for-sign-in", LoginForm.ReasonIn(html));
        Assert.Contains("<h1 class=\"h3 mb-3\">Жеке кабинетке кіру</h1>", html);
        Assert.Contains(OpenAlmaty.Kindergarten.Web.Signatures.SignatureRejections.SigningKeyForSignIn().Reason.Kk, html);
    }

    private async Task<int> PeopleAsync()
    {
        await using var db = keys.Database.CreateContext();
        return await db.People.CountAsync();
    }

    /// The nonce is still unused and nobody was created.
    private async Task AssertNothingChangedAsync(string nonce, int peopleBefore)
    {
        await using var db = keys.Database.CreateContext();
        var stored = await db.Set<LoginNonce>().SingleAsync(n => n.Value == nonce);
        Assert.Null(stored.UsedAt);
        Assert.Equal(peopleBefore, await db.People.CountAsync());
    }
}
