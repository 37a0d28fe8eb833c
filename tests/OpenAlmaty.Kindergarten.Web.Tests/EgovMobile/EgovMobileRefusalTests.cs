using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.EgovMobile;

/// Every refusal ../shared/docs/egov-mobile.md lists, on a withdrawal: the app gets a reason,
/// and nothing changes — the application stays in the queue, the signed request stays unused.
public sealed class EgovMobileRefusalTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private sealed record Withdrawal(PortalFactory Portal, CabinetClient Parent, long ApplicationId, CabinetPage Confirm, Started Started);

    private async Task<Withdrawal> StartAsync(PortalFactory portal)
    {
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var confirm = await parent.OpenAsync($"/applications/{application.Id}/withdraw");
        var started = await TestPhone.StartAsync(parent.Http, "/egov/start", confirm.Token, "requestId", confirm.RequestId.ToString());
        return new Withdrawal(portal, parent, application.Id, confirm, started);
    }

    private async Task AssertNothingChangedAsync(Withdrawal w)
    {
        Assert.Equal(ApplicationStatus.Queued, (await CabinetData.StateAsync(keys.Database, w.ApplicationId)).Status);
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, w.Confirm.RequestId));
    }

    private Func<string, string> ParentSigningKey => TestPhone.Key(keys, DemoUsers.Parent1, authentication: false, gost: true);

    /// A withdrawal started and opened on the parent's phone (API 1 and API 2 read), not yet signed.
    private async Task<(Withdrawal W, EgovMobilePhone Phone, PhoneSession Session)> OpenedAsync(PortalFactory portal)
    {
        var w = await StartAsync(portal);
        var phone = TestPhone.Phone(portal, ParentSigningKey);
        return (w, phone, await phone.OpenAsync(w.Started.QrText));
    }

    /// The PUT's body with the document signed by the parent's signing key.
    private string SignedBody(PhoneSession session)
    {
        var body = session.Document.DeepClone().AsObject();
        body["documentsToSign"]![0]!["documentXml"] = ParentSigningKey(session.XmlsToSign.Single());
        return body.ToJsonString();
    }

    [Fact]
    public async Task SecondPut_Refused_FirstSignatureStands()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var (w, phone, session) = await OpenedAsync(portal);
        var first = await phone.SignAsync(w.Started.QrText);
        var signed = (await TestPhone.StateAsync(w.Parent.Http, w.Started)).SignedXml;

        var second = await phone.PutAsync(session, first.SentBody);
        var other = await phone.PutAsync(session, first.SentBody.Replace("ds:SignatureValue>", "ds:SignatureValue> ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "Этот документ уже подписан. Повторная подпись не нужна."), (second.Status, second.Message));
        // A broken second signature does not turn the signed transaction into a refused one.
        Assert.Equal((HttpStatusCode.Forbidden, "Этот документ уже подписан. Повторная подпись не нужна."), (other.Status, other.Message));
        var state = await TestPhone.StateAsync(w.Parent.Http, w.Started);
        Assert.Equal(("signed", signed), (state.Status, state.SignedXml));
        await AssertNothingChangedAsync(w);
    }

    /// The PUT works from the copy of the transaction kept in memory since its start; the
    /// database's status decides. Here the transaction ended refused elsewhere (another instance
    /// took a bad answer first): a good signature afterwards changes nothing and is told so.
    [Fact]
    public async Task PutAfterTheTransactionWasRefusedElsewhere_Refused_AsEnded()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var (w, phone, session) = await OpenedAsync(portal);
        var id = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + w.Started.StatusUrl).Query)["tx"];
        await using (var db = keys.Database.CreateContext())
            Assert.Equal(1, await db.Set<EgovTransaction>().Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, EgovStatus.Rejected).SetProperty(t => t.RefusalRu, "Подпись не прошла проверку.")));

        var answer = await phone.PutAsync(session, SignedBody(session));

        Assert.Equal((HttpStatusCode.Forbidden, "Подписание уже завершено отказом. Обновите страницу на портале и начните заново."),
            (answer.Status, answer.Message));
        Assert.Equal("rejected", (await TestPhone.StateAsync(w.Parent.Http, w.Started)).Status);
        await AssertNothingChangedAsync(w);
    }

    [Fact]
    public async Task PutAfterExpiry_Refused()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var (w, phone, session) = await OpenedAsync(portal);
        portal.Clock.Advance(EgovTransactions.Lifetime + TimeSpan.FromSeconds(1));

        var answer = await phone.PutAsync(session, SignedBody(session));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.StartsWith("Время на подпись истекло", answer.Message, StringComparison.Ordinal);
        Assert.Equal("expired", (await TestPhone.StateAsync(w.Parent.Http, w.Started)).Status);
        await AssertNothingChangedAsync(w);
    }

    [Fact]
    public async Task AnotherTransactionsXml_Refused()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var w = await StartAsync(portal);
        // A second withdrawal page: another request, another transaction, the same person.
        var again = await w.Parent.OpenAsync($"/applications/{w.ApplicationId}/withdraw");
        var otherXml = again.SignForm.Xml;

        var answer = await TestPhone.Phone(portal, _ => ParentSigningKey(otherXml)).SignAsync(w.Started.QrText);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.StartsWith("Подписан не тот документ", answer.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", (await TestPhone.StateAsync(w.Parent.Http, w.Started)).Status);
        await AssertNothingChangedAsync(w);
        Assert.False(await CabinetData.IsUsedAsync(keys.Database, again.RequestId));
    }

    [Fact]
    public async Task AnotherIin_Refused()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var w = await StartAsync(portal);

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent2, authentication: false, gost: true)).SignAsync(w.Started.QrText);
        var state = await TestPhone.StateAsync(w.Parent.Http, w.Started);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.StartsWith("Документ подписан ключом другого человека", answer.Message, StringComparison.Ordinal);
        Assert.Equal(("rejected", answer.Message), (state.Status, state.Message));
        await AssertNothingChangedAsync(w);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticationKeyOnAnAction_Refused(bool gost)
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var w = await StartAsync(portal);

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: true, gost)).SignAsync(w.Started.QrText);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Equal("rejected", (await TestPhone.StateAsync(w.Parent.Http, w.Started)).Status);
        await AssertNothingChangedAsync(w);
    }

    [Fact]
    public async Task SigningKeyForSignIn_Refused_NoSession()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var browser = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginForm.OpenAsync(browser);
        var started = await TestPhone.StartSignInAsync(browser, login);
        await using var before = keys.Database.CreateContext();
        var sessions = await before.Set<Auth.UserSession>().CountAsync();

        var answer = await TestPhone.Phone(portal, TestPhone.Key(keys, DemoUsers.Parent1, authentication: false, gost: true)).SignAsync(started.QrText);
        var state = await TestPhone.StateAsync(browser, started);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(("rejected", null), (state.Status, state.SignedXml));
        await using var after = keys.Database.CreateContext();
        Assert.Equal(sessions, await after.Set<Auth.UserSession>().CountAsync());
    }

    [Fact]
    public async Task TamperedXml_Refused()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var w = await StartAsync(portal);

        var answer = await TestPhone.Phone(portal, xml => ParentSigningKey(xml).Replace("<action>Снять с очереди</action>", "<action>Оставить в очереди</action>", StringComparison.Ordinal))
            .SignAsync(w.Started.QrText);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Equal("rejected", (await TestPhone.StateAsync(w.Parent.Http, w.Started)).Status);
        await AssertNothingChangedAsync(w);
    }

    [Fact]
    public async Task OversizedBody_RefusedBeforeReading_TransactionStillUsable()
    {
        await using var portal = keys.Portal().WithEgovMobile();
        var (w, phone, session) = await OpenedAsync(portal);

        var oversized = await phone.PutAsync(session, "{\"documentsToSign\":[{\"id\":1,\"documentXml\":\"" + new string('a', EgovApiController.MaxPutBytes) + "\"}]}");
        var pending = await TestPhone.StateAsync(w.Parent.Http, w.Started);
        var notJson = await phone.PutAsync(session, "[]");
        var proper = await phone.SignAsync(w.Started.QrText);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.Status);
        Assert.Equal("Ответ приложения слишком большой. Ничего не изменено.", oversized.Message);
        Assert.Equal("pending", pending.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal(HttpStatusCode.OK, proper.Status);
        await AssertNothingChangedAsync(w);
    }

    [Fact]
    public async Task Phone_IsStrict_RefusesAQrTextWithoutThePrefixOrHttps()
    {
        using var http = new HttpClient();
        var phone = new EgovMobilePhone(http, xml => xml);
        await Assert.ThrowsAsync<PhoneProtocolException>(() => phone.SignAsync("https://kindergarten.example.kz/egov/api?tx=1"));
        await Assert.ThrowsAsync<PhoneProtocolException>(() => phone.SignAsync("mobileSign:http://kindergarten.example.kz/egov/api?tx=1"));
    }
}
