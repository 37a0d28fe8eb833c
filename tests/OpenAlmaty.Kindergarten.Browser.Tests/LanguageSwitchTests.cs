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
