using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

/// The README's screens — login, home, journal, application, private picker — in Russian,
/// Kazakh and English, on a desktop (1280) and a phone (390). Each screen is reached by clicks and checked;
/// with OA_SCREENSHOTS=1 the PNGs are (re)written, in 256 colours, to docs/screenshots/:
///   OA_SCREENSHOTS=1 dotnet test tests/OpenAlmaty.Kindergarten.Browser.Tests --filter ReadmeScreenshots
[Collection(BrowserCollection.Name)]
public sealed class ReadmeScreenshots(BrowserPortal portal)
{
    private static readonly bool Write = Environment.GetEnvironmentVariable("OA_SCREENSHOTS") == "1";

    [Theory]
    [InlineData("ru", 1280)]
    [InlineData("ru", 390)]
    [InlineData("kk", 1280)]
    [InlineData("kk", 390)]
    [InlineData("en", 1280)]
    [InlineData("en", 390)]
    public async Task EveryScreen_RendersInLanguageAtWidth(string language, int width)
    {
        var page = await portal.NewPageAsync(width, width < 768 ? 844 : 800, language);
        var screens = new CabinetScreens(page, language);
        var size = width < 768 ? "phone" : "desktop";

        await screens.LoginAsync();
        await ShotAsync(page, $"login-{language}-{size}");
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        await screens.HomeAsync();
        await ShotAsync(page, $"home-{language}-{size}");
        await screens.JournalAsync();
        await ShotAsync(page, $"journal-{language}-{size}");
        await screens.ApplicationAsync();
        await ShotAsync(page, $"application-{language}-{size}");
        await screens.PickerAsync();
        await ShotAsync(page, $"picker-{language}-{size}");
    }

    /// The staff's screens (Russian, desktop) and the public free-seat page, for the README.
    [Fact]
    public async Task StaffScreens_RenderForTheirRoles()
    {
        var anonymous = await portal.NewPageAsync();
        await anonymous.GotoAsync("/free-seats");
        await Assertions.Expect(anonymous.Locator("h1")).ToBeVisibleAsync();
        await ShotAsync(anonymous, "free-seats-ru-desktop");

        var education = await StaffJourney.SignInAsync(portal, DemoUsers.Education);
        await education.GotoAsync("/admin/queue");
        await Assertions.Expect(education.Locator("h1")).ToBeVisibleAsync();
        await ShotAsync(education, "admin-queue-ru-desktop");
        await education.GotoAsync("/admin/reports");
        await Assertions.Expect(education.Locator("h1")).ToBeVisibleAsync();
        await ShotAsync(education, "admin-reports-ru-desktop");

        var kindergarten = await StaffJourney.SignInAsync(portal, DemoUsers.Kindergarten);
        await kindergarten.GotoAsync("/kindergarten");
        await Assertions.Expect(kindergarten.Locator("h1")).ToBeVisibleAsync();
        await ShotAsync(kindergarten, "kindergarten-ru-desktop");

        var operatorPage = await StaffJourney.SignInAsync(portal, DemoUsers.Operator);
        Assert.Equal(200, (await operatorPage.GotoAsync("/callcentre?q=" + Uri.EscapeDataString("МАНСУР")))!.Status);
        await Assertions.Expect(operatorPage.Locator("h1")).ToBeVisibleAsync();
        await ShotAsync(operatorPage, "callcentre-ru-desktop");
    }

    /// Nothing on a screen is wider than the screen, and no table hides columns behind a scroll bar.
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Write)
        {
            var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
            Directory.CreateDirectory(folder);
            var png = await page.ScreenshotAsync(new() { FullPage = true, Animations = ScreenshotAnimations.Disabled });
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), PalettePng.Reduce(png));
        }
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than the screen.");
        var cut = await page.EvaluateAsync<int>("Math.max(0, ...[...document.querySelectorAll('.table-responsive')].map(e => e.scrollWidth - e.clientWidth))");
        Assert.True(cut <= 0, $"{name}: a table is {cut}px wider than its box.");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OpenAlmaty.Kindergarten.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (OpenAlmaty.Kindergarten.sln) was not found.");
    }
}
