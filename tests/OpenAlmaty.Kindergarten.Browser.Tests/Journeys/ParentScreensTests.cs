using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Journeys;

/// What a new parent hit on the way (issue 15): the wrong key on the picker, the way of signing
/// forgotten, the picker on a phone, the login page without JavaScript. The 5-year-old's
/// application is used and never changed (a refused signature changes nothing).
[Collection(BrowserCollection.Name)]
public sealed class ParentScreensTests(BrowserPortal portal)
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    [Fact]
    public async Task Picker_SignedWithAuthenticationKey_StaysOnPickerWithOrganisationAndMessageBesideButton()
    {
        var page = await portal.NewPageAsync();
        var screens = new CabinetScreens(page, kazakh: false);
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await screens.PickerAsync();
        var organisation = (await page.Locator("#org-card-title").Locator("xpath=..").Locator("dd").First.InnerTextAsync()).Trim();
        var before = await StatusAsync();

        // The AUTH_RSA key (sign-in) where the RSA signing key is needed: the server refuses it.
        var form = page.Locator("form[data-eds-form]");
        await KeyFileSigner.FillAsync(form, DemoKeys.AuthenticationFile(portal.KeysFolder, DemoUsers.Parent1));
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();

        await Expect(page.Locator("form[data-eds-form] [data-sign-error]")).ToBeVisibleAsync();
        Assert.Contains("/private?org=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#org-card-title").Locator("xpath=..")).ToContainTextAsync(organisation);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" })).ToBeEnabledAsync();
        // The way of signing is still the key file: only the file and password are asked again.
        await Expect(page.Locator("[data-eds-storage]")).ToHaveValueAsync("file");
        await Expect(page.Locator("[data-eds-file]")).ToBeVisibleAsync();
        Assert.Equal(before, await StatusAsync());
        await BrowserPortal.ScreenshotAsync(page, "picker-wrong-key");
    }

    [Fact]
    public async Task KeyFile_ChosenOnce_RememberedEverywhereAndNcaLayerNotAsked()
    {
        var page = await portal.NewPageAsync();
        var ncaLayerAttempts = 0;
        var consoleErrors = new List<string>();
        page.WebSocket += (_, ws) => { if (ws.Url.Contains("13579", StringComparison.Ordinal)) ncaLayerAttempts++; };
        page.Console += (_, m) => { if (m.Type == "error" && (m.Text.Contains("13579", StringComparison.Ordinal) || m.Text.Contains("WebSocket", StringComparison.Ordinal))) consoleErrors.Add(m.Text); };
        await page.GotoAsync("/login");
        await page.Locator("[data-eds-storage]").SelectOptionAsync("file");
        ncaLayerAttempts = 0;
        consoleErrors.Clear();

        // A refused sign-in (the signing key, not the AUTH one): the page comes back with the file fields.
        await KeyFileSigner.FillAsync(page.Locator("form[data-eds-form]"), DemoKeys.SigningFile(portal.KeysFolder, DemoUsers.Parent1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();
        await Expect(page.Locator("main .alert-danger[data-reason]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-eds-storage]")).ToHaveValueAsync("file");
        await Expect(page.Locator("[data-eds-file]")).ToBeVisibleAsync();

        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        var screens = new CabinetScreens(page, kazakh: false);
        await screens.PickerAsync();
        await Expect(page.Locator("form[data-eds-form] [data-eds-storage]")).ToHaveValueAsync("file");
        await Expect(page.Locator("form[data-eds-form] [data-eds-file]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("form[data-eds-form] [data-eds-storage]")).ToHaveValueAsync("file");

        Assert.Equal(0, ncaLayerAttempts);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    /// On a phone eGov Mobile is the first choice only for someone who has not chosen: a parent who
    /// chose the key file keeps it on the next pages (it was replaced by eGov Mobile on each page).
    [Fact]
    public async Task KeyFile_ChosenOnPhone_RememberedOnTheNextPages()
    {
        var page = await portal.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.GotoAsync("/login");
        await page.Locator("[data-eds-storage]").SelectOptionAsync("file");

        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await new CabinetScreens(page, kazakh: false).PickerAsync();
        await Expect(page.Locator("form[data-eds-form] [data-eds-storage]")).ToHaveValueAsync("file");
        await page.ReloadAsync();
        await Expect(page.Locator("form[data-eds-form] [data-eds-storage]")).ToHaveValueAsync("file");
        await Expect(page.Locator("form[data-eds-form] [data-eds-file]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Picker_OnPhone_PagedListNoNestedScrollSignButtonWithinReachAndStorageLabelsWhole()
    {
        var page = await portal.NewPageAsync(PhoneWidth, PhoneHeight);
        var screens = new CabinetScreens(page, kazakh: false);
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await screens.PickerAsync();

        var list = await page.Locator(".oa-org-list").EvaluateAsync<bool>(
            "l => ['auto', 'scroll'].includes(getComputedStyle(l).overflowY) || l.scrollHeight > l.clientHeight + 1");
        Assert.False(list, "The organisations list scrolls inside the page.");
        Assert.InRange(await page.Locator(".oa-org-list a").CountAsync(), 1, Web.Features.Choose.PickerPage.PageSize);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var buttonTop = await page.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" })
            .EvaluateAsync<double>("b => b.getBoundingClientRect().top + window.scrollY");
        Assert.True(buttonTop < 2 * PhoneHeight, $"«Подписать и отправить» is {buttonTop:0} px down the page.");
        var cut = await page.Locator("[data-eds-storage]").EvaluateAsync<string[]>("""
            s => {
              const style = getComputedStyle(s), ctx = document.createElement('canvas').getContext('2d');
              ctx.font = style.font;
              const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return [...s.options].filter(o => ctx.measureText(o.text).width > room).map(o => o.text);
            }
            """);
        Assert.True(cut.Length == 0, "Cut in the select: " + string.Join(", ", cut));
        await AssertNoSidewaysScrollAsync(page, "picker");
        await BrowserPortal.ScreenshotAsync(page, "picker-390");
    }

    /// The sign bar sticks to the bottom of a phone's screen: the refused signature's message beside
    /// the button is not under it, and at the end of the page nothing of the form is behind it.
    [Fact]
    public async Task Picker_OnPhone_StickyBarHidesNeitherTheMessageNorTheEndOfTheForm()
    {
        var page = await portal.NewPageAsync(PhoneWidth, PhoneHeight);
        var screens = new CabinetScreens(page, kazakh: false);
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await screens.PickerAsync();
        var form = page.Locator("form[data-eds-form]");
        await KeyFileSigner.FillAsync(form, DemoKeys.AuthenticationFile(portal.KeysFolder, DemoUsers.Parent1));
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();
        var error = page.Locator("form[data-eds-form] [data-sign-error]");
        await Expect(error).ToBeVisibleAsync();

        // Where the page comes back, the message is wholly on the screen beside the button, not under the bar.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(error).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Equal("", await CoveredAsync(page, "[data-sign-error]"));
        // At the end of the page, no alert, label or field of the form is behind the bar.
        await page.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        Assert.Equal("", await CoveredAsync(page, "form[data-eds-form] :is(.alert, label, input, select, p, dd, dt, li)"));
        await BrowserPortal.ScreenshotAsync(page, "picker-wrong-key-390");
    }

    /// The texts of the visible elements the sticky bar lies over (the bar's own content aside).
    private static Task<string> CoveredAsync(IPage page, string selector) => page.EvaluateAsync<string>("""
        selector => {
          const bar = document.querySelector('.oa-sign-actions').getBoundingClientRect();
          return [...document.querySelectorAll(selector)]
            .filter(e => !e.closest('.oa-sign-actions') && e.offsetParent !== null)
            .filter(e => { const r = e.getBoundingClientRect();
              return r.height > 0 && r.bottom > bar.top + 1 && r.top < bar.bottom - 1 && r.top < window.innerHeight && r.bottom > 0; })
            .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60)).join(' | ');
        }
        """, selector);

    [Fact]
    public async Task ParentScreens_OnPhone_OneColumnWithoutSidewaysScroll()
    {
        var page = await portal.NewPageAsync(PhoneWidth, PhoneHeight);
        var screens = new CabinetScreens(page, kazakh: false);
        await screens.LoginAsync();
        await AssertNoSidewaysScrollAsync(page, "login");
        await BrowserPortal.ScreenshotAsync(page, "login-390");
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await screens.HomeAsync();
        await AssertNoSidewaysScrollAsync(page, "home");
        await BrowserPortal.ScreenshotAsync(page, "home-390");
        await screens.ApplicationAsync();
        await AssertNoSidewaysScrollAsync(page, "application");
        await BrowserPortal.ScreenshotAsync(page, "application-390");
    }

    [Fact]
    public async Task Login_WithoutJavaScript_SaysSigningNeedsItAndTheFormIsDisabled()
    {
        var context = await portal.Browser.NewContextAsync(new() { BaseURL = portal.BaseUrl, Locale = "ru-RU", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        // Playwright's text matching skips <noscript>: its element is read directly.
        var hint = page.Locator("main [data-eds-noscript]");
        await Expect(hint).ToBeVisibleAsync();
        var text = await hint.InnerTextAsync();
        Assert.Contains("Подписание работает только с включённым JavaScript", text, StringComparison.Ordinal);
        Assert.Contains("NCALayer", text, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" })).ToBeDisabledAsync();
        await Expect(page.Locator("[data-eds-storage]")).ToBeDisabledAsync();
        await BrowserPortal.ScreenshotAsync(page, "login-no-javascript");
        await context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string screen)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{screen} scrolls sideways: {width} px wide at {PhoneWidth} px.");
    }

    private async Task<(ApplicationStatus, int)> StatusAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var child = CabinetScreens.Child.Iin;
        var application = await db.Applications.AsNoTracking().Where(a => a.Child!.Iin == child)
            .Select(a => new { a.Status, Events = a.Events.Count }).SingleAsync();
        return (application.Status, application.Events);
    }
}
