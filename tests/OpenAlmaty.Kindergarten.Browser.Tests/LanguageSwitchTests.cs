using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

/// The language switch as a reader meets it: on a phone without opening the menu, and on the
/// public free-seat page that browsers may keep in their cache.
[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserPortal portal)
{
    [Fact]
    public async Task Phone_HomePage_LanguageSwitchVisibleWithoutOpeningTheMenu()
    {
        var page = await portal.NewPageAsync(390, 844);
        await page.GotoAsync("/");

        var kazakh = page.GetByRole(AriaRole.Link, new() { Name = "Қаз", Exact = true });
        await Expect(kazakh).ToBeVisibleAsync();
        await kazakh.ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Phone_HomePage_SwitchedToEnglish_ShowsEnglishFromTheResources()
    {
        var page = await portal.NewPageAsync(390, 844);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Eng", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Public services in preschool education");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width} px");
        await page.Context.CloseAsync();
    }

    /// The brand, the three language buttons and the menu button on ONE line of a phone's header.
    [Theory]
    [InlineData(390, "ru")]
    [InlineData(390, "kk")]
    [InlineData(360, "ru")]
    [InlineData(360, "kk")]
    [InlineData(360, "en")]
    public async Task Phone_Header_OneLineWithTheSwitchVisible(int width, string language)
    {
        var page = await portal.NewPageAsync(width, 800, language);
        await page.GotoAsync("/");

        var boxes = await page.EvaluateAsync<double[][]>("""
            () => ['.oa-header .navbar-brand', '.oa-header .oa-lang', '.oa-header .navbar-toggler']
              .map(s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.top, r.bottom, r.right]; })
            """);
        Assert.True(boxes.Max(b => b[0]) < boxes.Min(b => b[1]), $"the header wraps at {width} px: " + string.Join(" | ", boxes.Select(b => string.Join(",", b))));
        Assert.All(boxes, b => Assert.True(b[2] <= width, $"cut at the right: {b[2]} px"));
        var navHeight = await page.Locator(".oa-header nav").EvaluateAsync<double>("n => n.getBoundingClientRect().height");
        Assert.True(navHeight < 70, $"the header is {navHeight} px high");
        foreach (var label in new[] { "Қаз", "Рус", "Eng" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, $"header-{language}-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FreeSeats_SwitchedToKazakh_ShowsKazakhNotTheCachedRussianCopy()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/free-seats");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        var russianTitle = await page.TitleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Қаз", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        Assert.NotEqual(russianTitle, await page.TitleAsync());
        await page.Context.CloseAsync();
    }
}
