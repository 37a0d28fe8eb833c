using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.EgovMobile;

/// Sign-in and a signed action through eGov Mobile (../shared/docs/egov-mobile.md), the app
/// played by the strict stand-in with real demo keys, GOST-2015 and RSA.
public sealed class EgovMobileFlowTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_PhoneSignsWithAuthenticationKey_WaitingBrowsersPollSignsItIn(bool gost)
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var pending = await TestPhone.StateAsync(browser, started);
        var before = await browser.GetAsync("/applications");

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost)).SignAsync(started.QrText);
        var state = await TestPhone.StateAsync(browser, started);
        var journal = await browser.GetAsync("/applications");

        Assert.StartsWith($"mobileSign:{TestPhone.PublicBaseUrl}/egov/api?tx=", started.QrText, StringComparison.Ordinal);
        Assert.StartsWith("https://mgovsign.page.link/?link=" + Uri.EscapeDataString(started.QrText["mobileSign:".Length..]), started.AppLink, StringComparison.Ordinal);
        Assert.Equal("pending", pending.Status);
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode); // not signed in yet: to /login
        Assert.Equal((HttpStatusCode.OK, null), (answer.Status, answer.Message));
        Assert.Equal(("signed-in", "/", null), (state.Status, state.Redirect, state.SignedXml)); // the home page with «Просмотр»; no XML to the browser
        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
    }

    /// The PUT's sign-in is NCALayer's: the nonce is used up by it and one session is started;
    /// the waiting browser's polls get that session (a second poll no new one), the same
    /// signature by POST /login signs nobody in, a page that asked for sign-in (returnUrl) is
    /// where the browser goes, and the signed XML (the person's certificate) is not kept.
    [Fact]
    public async Task SignIn_ByThePut_UsesTheNonceOnce_PollsGetThatSession_AndGoToTheReturnUrl()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login, returnUrl: "/applications");
        var sign = TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true);
        var phone = TestPhone.Phone(portal, sign);
        var session = await phone.OpenAsync(started.QrText);
        var signedXml = sign(session.XmlsToSign.Single());
        var body = session.Document.DeepClone().AsObject();
        body["documentsToSign"]![0]!["documentXml"] = signedXml;
        await using var db = keys.Database.CreateContext();
        var sessionsBefore = await db.Set<Auth.UserSession>().CountAsync();

        var put = await phone.PutAsync(session, body.ToJsonString());
        var sessionsAfterPut = await db.Set<Auth.UserSession>().CountAsync();
        var first = await TestPhone.StateAsync(browser, started);
        var second = await TestPhone.StateAsync(browser, started);
        var again = await login.PostAsync(browser, signedXml);
        var row = await db.Set<EgovTransaction>().AsNoTracking().SingleAsync(t => t.Nonce == login.Nonce);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(sessionsBefore + 1, sessionsAfterPut);
        Assert.Equal(("signed-in", "/applications"), (first.Status, first.Redirect));
        Assert.Equal(("signed-in", "/applications"), (second.Status, second.Redirect));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(sessionsBefore + 1, await db.Set<Auth.UserSession>().CountAsync());
        Assert.Equal((EgovStatus.Signed, null), (row.Status, row.SignedXml));
        Assert.True(await db.Set<Auth.UserSession>().AnyAsync(s => s.Id == row.SessionId && s.EndedAt == null));
    }

    /// The PUT comes from the app, in the app's language; the person's language (their
    /// notifications') is the one of the page they signed in from, as with NCALayer.
    [Fact]
    public async Task SignIn_PersonSpeaksTheWaitingPagesLanguage_NotTheApps()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.GetAsync("/lang/kk?returnUrl=/login");
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent2, authentication: true, gost: true), language: "ru")
            .SignAsync(started.QrText);
        await using var db = keys.Database.CreateContext();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Iin == DemoUsers.Parent2.Iin);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("kk", person.Language);
    }

    /// The app (or someone with the QR code) sends the same signature four times at once: the
    /// nonce's row decides, one PUT signs in, the others are refused, one session is started.
    [Fact]
    public async Task SignIn_FourPutsAtOnce_OneSignsIn_OneSession()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var sign = TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: false);
        var phone = TestPhone.Phone(portal, sign);
        var session = await phone.OpenAsync(started.QrText);
        var body = session.Document.DeepClone().AsObject();
        body["documentsToSign"]![0]!["documentXml"] = sign(session.XmlsToSign.Single());
        await using var db = keys.Database.CreateContext();
        var sessionsBefore = await db.Set<Auth.UserSession>().CountAsync();

        var puts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => phone.PutAsync(session, body.ToJsonString())));
        var state = await TestPhone.StateAsync(browser, started);

        Assert.Single(puts, p => p.Status == HttpStatusCode.OK);
        Assert.All(puts.Where(p => p.Status != HttpStatusCode.OK), p => Assert.Equal(HttpStatusCode.Forbidden, p.Status));
        Assert.Equal("signed-in", state.Status);
        Assert.Equal(sessionsBefore + 1, await db.Set<Auth.UserSession>().CountAsync());
    }

    /// The nonce was used meanwhile (the same page signed in through NCALayer): the phone hears
    /// the reason at once, the transaction ends refused, and no second session is started.
    [Fact]
    public async Task SignIn_NonceUsedMeanwhile_ThePhoneIsRefusedAtOnce_NoSecondSession()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var sign = TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: false);
        var byNcaLayer = await login.PostAsync(browser, sign(login.Xml));
        await using var db = keys.Database.CreateContext();
        var sessionsBefore = await db.Set<Auth.UserSession>().CountAsync();

        var answer = await TestPhone.Phone(portal, sign).SignAsync(started.QrText);
        var state = await TestPhone.StateAsync(browser, started);

        Assert.Equal(HttpStatusCode.Redirect, byNcaLayer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("уже использована", answer.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", state.Status);
        Assert.Equal(answer.Message, state.Message);
        Assert.Equal(sessionsBefore, await db.Set<Auth.UserSession>().CountAsync());
    }

    /// After signing out, the waiting page's old transaction signs nobody in again.
    [Fact]
    public async Task SignIn_AfterSignOut_ThePollGivesNoSession()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true)).SignAsync(started.QrText);
        var first = await TestPhone.StateAsync(browser, started);
        var home = await browser.GetStringAsync("/");
        var token = Infrastructure.StaffKeysFixture.Token(home);
        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var afterLogout = await TestPhone.StateAsync(browser, started);
        var journal = await browser.GetAsync("/applications");

        Assert.Equal("signed-in", first.Status);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("rejected", afterLogout.Status);
        Assert.False(string.IsNullOrWhiteSpace(afterLogout.Message));
        Assert.Equal(HttpStatusCode.Redirect, journal.StatusCode); // signed out: to /login
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Withdraw_PhoneSignsWithSigningKey_FormSendsItAndTheApplicationIsRemoved(bool gost)
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/withdraw");
        var started = await TestPhone.StartAsync(parent.Http, "/egov/start", confirm.Token, "requestId", confirm.RequestId.ToString());

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: false, gost), "kk").SignAsync(started.QrText);
        var state = await TestPhone.StateAsync(parent.Http, started);
        var fields = new Dictionary<string, string>(confirm.SignForm.Hidden) { ["signedXml"] = state.SignedXml! };
        var page = await parent.FollowAsync(await parent.PostAsync(confirm.SignForm.Action, confirm, fields));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Заявление снято с очереди.", page.Message);
        Assert.Equal(ApplicationStatus.Removed, (await CabinetData.StateAsync(keys.Database, application.Id)).Status);
        await using var db = keys.Database.CreateContext();
        var withdrawn = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.Withdrawn);
        Assert.Equal(state.SignedXml, withdrawn.SignedXml);
    }

    [Fact]
    public async Task PhotographedQr_AnotherBrowserLearnsNothing()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true)).SignAsync(started.QrText);

        var stranger = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await LoginForm.OpenAsync(stranger);
        var seen = await stranger.GetAsync(started.StatusUrl);

        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
        Assert.DoesNotContain("<login>", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// The start checks the nonce and adds the transaction in one statement; what it refuses it
    /// refuses with the nonce's own reason, and nothing is added: another browser's nonce, a
    /// used one, or an issue time the nonce does not have (the XML to sign follows from it).
    [Fact]
    public async Task SignInStart_OtherBrowsersUsedOrMisdatedNonce_RefusedWithTheReason_NothingAdded()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var stranger = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var strangers = await LoginForm.OpenAsync(stranger);
        await using var db = keys.Database.CreateContext();
        var before = await db.Set<EgovTransaction>().CountAsync();

        async Task<(HttpStatusCode, string)> StartAsync(HttpClient client, LoginForm form, string nonce, string issued)
        {
            var response = await client.PostAsync("/login/egov", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.Token, ["nonce"] = nonce, ["issued"] = issued,
            }));
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!);
        }

        var otherBrowser = await StartAsync(stranger, strangers, login.Nonce, login.Issued);
        var misdated = await StartAsync(browser, login, login.Nonce, "2020-01-01T00:00:00Z");
        var garbled = await StartAsync(browser, login, login.Nonce, "yesterday");
        // The nonce used (as by NCALayer's way), then started again.
        Assert.Equal(1, await db.Set<Features.SignIn.LoginNonce>().Where(n => n.Value == login.Nonce)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.UsedAt, DateTimeOffset.UtcNow)));
        var used = await StartAsync(browser, login, login.Nonce, login.Issued);

        Assert.Equal((HttpStatusCode.BadRequest, "Этот запрос на вход был открыт в другом браузере. Обновите страницу и подпишите ещё раз здесь."), otherBrowser);
        Assert.Equal((HttpStatusCode.BadRequest, "Запрос на вход не найден. Обновите страницу и подпишите ещё раз."), misdated);
        Assert.Equal((HttpStatusCode.BadRequest, "Запрос на вход не найден. Обновите страницу и подпишите ещё раз."), garbled);
        Assert.Equal((HttpStatusCode.BadRequest, "Эта подпись уже использована для входа. Обновите страницу и подпишите ещё раз."), used);
        Assert.Equal(before, await db.Set<EgovTransaction>().CountAsync());
    }

    [Fact]
    public async Task Api2_WithoutOrWithAnotherToken_Refused_AndApi1NeedsNoCookie()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        var app = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var api1 = new Uri(started.QrText["mobileSign:".Length..]).PathAndQuery;

        var api2 = api1.Replace("/egov/api?", "/egov/api/document?", StringComparison.Ordinal);
        var phone = TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true));
        var session = await phone.OpenAsync(started.QrText);
        var signed = session.Document.DeepClone().AsObject();
        signed["documentsToSign"]![0]!["documentXml"] = TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost: true)(session.XmlsToSign.Single());

        var first = await app.GetAsync(api1);
        var document = await app.GetAsync(api2);
        // Another token: its first character changed (a token that began with "x" once made "x" + … the same token).
        var wrongToken = await phone.PutAsync(session with { Token = (session.Token[0] == 'x' ? "y" : "x") + session.Token[1..] }, signed.ToJsonString());
        var state = await TestPhone.StateAsync(browser, started);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, document.StatusCode);
        Assert.Contains("message", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.Status);
        Assert.Equal("pending", state.Status);
    }
}
