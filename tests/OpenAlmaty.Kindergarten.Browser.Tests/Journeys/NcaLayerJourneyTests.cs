using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Journeys;

/// Sign-in and a signed action through NCALayer with today's keys (GOST-2015): the basics
/// module's window with the authentication key, then a Казтокен listed by commonUtils and the
/// signing key for «Подписать и отправить». The NCALayer stand-in answers as NCALayer does.
[Collection(BrowserCollection.Name)]
public sealed class NcaLayerJourneyTests(BrowserPortal portal)
{
    private static readonly DemoUser Parent = DemoUsers.Parent2;

    [Fact]
    public async Task Parent_SignsInWithBasicsAndChoosesWithKaztoken_GetsReferral()
    {
        const string organisationName = "Детский сад «NCALayer»";
        var (applicationId, organisationId) = await OwnSeat.PrepareAsync(portal, Parent, "ТОКЕН", organisationName);
        var page = await portal.NewPageAsync();
        var ncaLayer = NcaLayerStandIn.FromKeyFiles(
            DemoKeys.GostAuthenticationFile(portal.KeysFolder, Parent), DemoKeys.GostSigningFile(portal.KeysFolder, Parent), DemoUsers.KeyPassword);
        await ncaLayer.AttachAsync(page);

        await page.GotoAsync("/login");
        var login = page.Locator("form[data-eds-form]");
        await login.Locator("[data-eds-storage]").SelectOptionAsync("basics");
        await login.Locator("[data-eds-submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"^https?://[^/]+/$"));
        var basics = ncaLayer.Requests.Single(r => (string?)r["module"] == "kz.gov.pki.knca.basics")["args"]!;
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], basics["signerParams"]!["extKeyUsageOids"]!.AsArray().Select(o => (string?)o));
        Assert.StartsWith("<login><nonce>", (string?)basics["data"], StringComparison.Ordinal);

        await page.GotoAsync($"/applications/{applicationId}/private?org={organisationId}");
        var form = page.Locator("form[data-eds-form]");
        // The way chosen at sign-in is remembered; the token joins the list when NCALayer answers.
        await Expect(form.Locator("[data-eds-storage]")).ToHaveValueAsync("basics");
        await Expect(form.Locator("[data-eds-storage] option[value=AKKaztokenStore]")).ToHaveCountAsync(1);
        await form.Locator("[data-eds-storage]").SelectOptionAsync("AKKaztokenStore");
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();

        await page.WaitForURLAsync($"**/applications/{applicationId}");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("выдано");
        var sign = ncaLayer.Requests.Single(r => (string?)r["method"] == "signXml");
        Assert.Equal(["AKKaztokenStore", "SIGNATURE"], sign["args"]!.AsArray().Take(2).Select(a => (string?)a));
        await OwnSeat.AssertTakenAsync(portal, applicationId, organisationId);
    }
}
