using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile.Phone;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Journeys;

/// Sign-in and a private kindergarten's referral through eGov Mobile: the page shows the QR
/// code (desktop) or the button that opens the app (phone, 390 px), the strict stand-in of the
/// app signs with the parent's GOST-2015 keys, and the waiting page continues by itself.
[Collection(BrowserCollection.Name)]
public sealed class EgovMobileJourneyTests(BrowserPortal portal)
{
    private static readonly DemoUser Parent = DemoUsers.Parent2;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task Parent_SignsInAndGetsReferral_ThroughEgovMobile(int width, int height)
    {
        var organisationName = $"Детский сад «eGov {width}»";
        var (applicationId, organisationId) = await OwnSeat.PrepareAsync(portal, Parent, width < 768 ? "ТЕЛЕФОН" : "КОМПЬЮТЕР", organisationName);
        var page = await portal.NewPageAsync(width, height);
        var phone = width < 768;

        // Sign-in: on a phone eGov Mobile is already the chosen way; on a desktop it is chosen.
        await page.GotoAsync("/login");
        var login = page.Locator("form[data-eds-form]");
        if (phone) await Expect(login.Locator("[data-eds-storage]")).ToHaveValueAsync("egov");
        else await login.Locator("[data-eds-storage]").SelectOptionAsync("egov");
        await login.Locator("[data-eds-submit]").ClickAsync();
        await SignOnThePhoneAsync(login, phone, DemoKeys.GostAuthenticationFile(portal.KeysFolder, Parent));
        // Signed in, the parent lands on the home page with «Просмотр» (the instruction's step 3).
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"^https?://[^/]+/$"));

        // The private kindergarten's card, «Подписать и отправить» through the app.
        await page.GotoAsync($"/applications/{applicationId}/private?org={organisationId}");
        var form = page.Locator("form[data-eds-form]");
        if (!phone) await form.Locator("[data-eds-storage]").SelectOptionAsync("egov");
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();
        await SignOnThePhoneAsync(form, phone, DemoKeys.GostSigningFile(portal.KeysFolder, Parent));

        await page.WaitForURLAsync($"**/applications/{applicationId}");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("выдано");
        await OwnSeat.AssertTakenAsync(portal, applicationId, organisationId);
        Assert.Contains(organisationName, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// Waits for the QR code (desktop) or the app's button (phone), reads what the app would
    /// read from it, and lets the stand-in sign with the key file.
    private async Task SignOnThePhoneAsync(ILocator form, bool phone, string keyFile)
    {
        var panel = form.Locator("[data-egov-panel]");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToHaveAttributeAsync("data-egov-qr-text", new System.Text.RegularExpressions.Regex("^mobileSign:"));
        var qrText = (await panel.GetAttributeAsync("data-egov-qr-text"))!;
        if (phone)
        {
            var app = panel.Locator("[data-egov-app]");
            await Expect(app).ToBeVisibleAsync();
            await Expect(panel.Locator("[data-egov-qr]")).ToBeHiddenAsync();
            var link = (await app.GetAttributeAsync("href"))!;
            Assert.StartsWith("https://mgovsign.page.link/?link=", link, StringComparison.Ordinal);
            // The button carries the same API 1 URL as the QR code.
            Assert.Contains(Uri.EscapeDataString(qrText["mobileSign:".Length..]), link, StringComparison.Ordinal);
        }
        else
        {
            var qr = panel.Locator("[data-egov-qr]");
            await Expect(qr).ToBeVisibleAsync();
            await Expect(panel.Locator("[data-egov-app]")).ToBeHiddenAsync();
            // The code shown is this text's QR code at level M (one pixel per module, the quiet
            // zone included): as wide as QRCoder, the PDF's library, makes it.
            using var expected = new QRCoder.QRCodeGenerator().CreateQrCode(qrText, QRCoder.QRCodeGenerator.ECCLevel.M);
            Assert.Equal(expected.ModuleMatrix.Count, await qr.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1"));
        }
        // The test portal listens on plain http at 127.0.0.1 (no PublicBaseUrl): the only relaxation.
        using var http = new HttpClient();
        var answer = await new EgovMobilePhone(http, NcaStyleXmlSigner.FromKeyFile(keyFile, DemoUsers.KeyPassword), requireHttps: false)
            .SignAsync(qrText);
        Assert.Equal((System.Net.HttpStatusCode.OK, null), (answer.Status, answer.Message));
    }
}
