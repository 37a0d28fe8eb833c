using Deque.AxeCore.Playwright;
using Xunit.Abstractions;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserPortal portal, ITestOutputHelper output)
{
    private static readonly DemoUser Parent = DemoUsers.Parent1;

    [Fact]
    public async Task SignIn_DemoKeyFileOpenedInBrowser_ShowsParentsCabinet()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход в личный кабинет" })).ToBeVisibleAsync();

        await page.GetByLabel("Место хранения ключа").SelectOptionAsync("file");
        await page.GetByLabel("Файл ключа (AUTH_RSA_….p12)").SetInputFilesAsync(DemoKeys.AuthenticationFile(portal.KeysFolder, Parent));
        await page.GetByLabel("Пароль ключа").FillAsync(DemoUsers.KeyPassword);
        await BrowserPortal.ScreenshotAsync(page, "login-key-file");

        await ClickAndExpectSignedInAsync(page);
    }

    [Fact]
    public async Task LoginPage_InKazakh_ContentHasNoAccessibilityViolations()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/lang/kk?returnUrl=%2Flogin");
        await page.GetByLabel("Кілт сақталған орын").SelectOptionAsync("file");

        // The page's own content; the shared header is checked where the layout is tested.
        var axe = await page.Locator("main").RunAxe();

        await BrowserPortal.ScreenshotAsync(page, "login-kk");
        var violations = axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Жеке кабинетке кіру" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_KeyFileWithWrongPassword_SaysSoAndStaysOnPage()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/login");

        await page.GetByLabel("Место хранения ключа").SelectOptionAsync("file");
        await page.GetByLabel("Файл ключа (AUTH_RSA_….p12)").SetInputFilesAsync(DemoKeys.AuthenticationFile(portal.KeysFolder, Parent));
        await page.GetByLabel("Пароль ключа").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Неверный пароль ключа");
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_NcaLayerCommonUtils_ListsTokensAndSignsWithChosenStorage()
    {
        var page = await portal.NewPageAsync();
        var ncaLayer = StandIn();
        await ncaLayer.AttachAsync(page);
        await page.GotoAsync("/login");

        var storage = page.GetByLabel("Место хранения ключа");
        await Expect(storage.Locator("option[value=AKKaztokenStore]")).ToHaveTextAsync("Казтокен");
        await storage.SelectOptionAsync("PKCS12");
        await BrowserPortal.ScreenshotAsync(page, "login-ncalayer");

        await ClickAndExpectSignedInAsync(page);
        var sign = ncaLayer.Requests.Single(r => (string?)r["method"] == "signXml");
        Assert.Equal("kz.gov.pki.knca.commonUtils", (string?)sign["module"]);
        Assert.Equal(["PKCS12", "AUTHENTICATION"], sign["args"]!.AsArray().Take(2).Select(a => (string?)a));
        Assert.StartsWith("<login><nonce>", (string?)sign["args"]![2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_NcaLayerBasics_AsksForAuthenticationKeyInXml()
    {
        var page = await portal.NewPageAsync();
        var ncaLayer = StandIn();
        await ncaLayer.AttachAsync(page);
        await page.GotoAsync("/login");

        await page.GetByLabel("Место хранения ключа").SelectOptionAsync("basics");

        await ClickAndExpectSignedInAsync(page);
        var args = ncaLayer.Requests.Single(r => (string?)r["module"] == "kz.gov.pki.knca.basics")["args"]!;
        Assert.Equal("xml", (string?)args["format"]);
        Assert.Equal("1.3.6.1.5.5.7.3.2", (string?)args["signerParams"]!["extKeyUsageOids"]![0]);
        Assert.Empty(args["signerParams"]!["chain"]!.AsArray());
    }

    [Fact]
    public async Task SignIn_CancelledInNcaLayer_SaysCancelledAndStaysOnPage()
    {
        var page = await portal.NewPageAsync();
        var ncaLayer = StandIn();
        ncaLayer.Cancel = true;
        await ncaLayer.AttachAsync(page);
        await page.GotoAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Подписание отменено.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task SignIn_NcaLayerNotRunning_ExplainsAndLinksToInstall()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Не удалось подключиться к NCALayer");
        await Expect(status.GetByRole(AriaRole.Link, new() { Name = "pki.gov.kz" })).ToHaveAttributeAsync("href", "https://pki.gov.kz/ncalayer/");
        await BrowserPortal.ScreenshotAsync(page, "login-no-ncalayer");
    }

    /// The page speaks to NCALayer through ncalayer-js-client: each connection starts with the
    /// library's handshake (NCALayer's greeting, then its KAZTOKEN probe, which NCALayer refuses)
    /// and carries one call; the list of tokens and the signature each get their own.
    [Fact]
    public async Task SignIn_NcaLayer_ThroughTheFieldsClientOneCallPerConnection()
    {
        var page = await portal.NewPageAsync();
        var ncaLayer = StandIn();
        await ncaLayer.AttachAsync(page);
        // After connecting, the library also looks for KAZTOKEN's HTTP API at 127.0.0.1:24680
        // (used only to sign CMS); the CSP's connect-src keeps that request in the page.
        var kaztokenHttp = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains(":24680", StringComparison.Ordinal)) kaztokenHttp.Add(r.Url); };
        page.Console += (_, m) => { if (m.Text.Contains("24680", StringComparison.Ordinal)) output.WriteLine($"console {m.Type}: {m.Text}"); };
        await page.GotoAsync("/login");
        await Expect(page.Locator("[data-eds-signer]")).ToHaveAttributeAsync("data-eds-ncalayer", "ready");

        await ClickAndExpectSignedInAsync(page);
        const string probe = "kz.digiflow.mobile.extensions.getVersion";
        var calls = ncaLayer.Connections.Select(c => { lock (c) return string.Join(" ", c); }).ToList();
        Assert.Equal([$"{probe} kz.gov.pki.knca.commonUtils.getActiveTokens", $"{probe} kz.gov.pki.knca.commonUtils.signXml"], calls);
        Assert.Empty(kaztokenHttp);
    }

    /// NCALayer's own window closed («Отмена»), on an English page: the page's language, the
    /// button usable again, nothing sent.
    [Fact]
    public async Task SignIn_BasicsWindowClosed_SaysCancelledInPagesLanguage()
    {
        var page = await portal.NewPageAsync(1280, 900, "en");
        var ncaLayer = StandIn();
        ncaLayer.Cancel = true;
        await ncaLayer.AttachAsync(page);
        await page.GotoAsync("/login");
        var form = page.Locator("form[data-eds-form]");
        await form.Locator("[data-eds-storage]").SelectOptionAsync("basics");

        await form.Locator("[data-eds-submit]").ClickAsync();

        await Expect(form.Locator("[data-eds-status]")).ToHaveTextAsync("Signing cancelled.");
        await Expect(form.Locator("[data-eds-submit]")).ToBeEnabledAsync();
        Assert.Single(ncaLayer.Requests, r => (string?)r["module"] == "kz.gov.pki.knca.basics");
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
    }

    /// NCALayer quit while its window was open: the connection closes unanswered.
    [Fact]
    public async Task SignIn_NcaLayerQuitWhileSigning_SaysToStartItAndStaysOnPage()
    {
        var page = await portal.NewPageAsync();
        var ncaLayer = StandIn();
        ncaLayer.QuitWhileSigning = true;
        await ncaLayer.AttachAsync(page);
        await page.GotoAsync("/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Не удалось подключиться к NCALayer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" })).ToBeEnabledAsync();
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
    }

    /// The portal answers the signed form with a redirect to the journal (not on this branch
    /// yet, so the page behind it is not opened).
    private static async Task ClickAndExpectSignedInAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/login", StringComparison.Ordinal));
        Assert.True(response.Status == 302, $"Not signed in ({response.Status}): " + (response.Status == 302 ? "" : await response.TextAsync()));
        Assert.Equal("/", await response.HeaderValueAsync("location"));
        await ExpectSignedInAsync(page);
    }

    private NcaLayerStandIn StandIn() => NcaLayerStandIn.FromKeyFiles(
        DemoKeys.AuthenticationFile(portal.KeysFolder, Parent), DemoKeys.SigningFile(portal.KeysFolder, Parent), DemoUsers.KeyPassword);

    /// The lead's journal is not on this branch yet: the header shows who is signed in and the
    /// way to it, "Просмотр".
    /// (A new tab of the same session: the first one is still following the redirect.)
    private static async Task ExpectSignedInAsync(IPage page)
    {
        var home = await page.Context.NewPageAsync();
        await home.GotoAsync("/");
        var header = home.Locator("header");
        await Expect(header).ToContainTextAsync($"{Parent.LastName} {Parent.FirstName} {Parent.MiddleName}");
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Просмотр" })).ToBeVisibleAsync();
    }
}
