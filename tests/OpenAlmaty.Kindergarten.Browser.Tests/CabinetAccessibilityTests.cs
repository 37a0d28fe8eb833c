using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

/// axe-core on the parent's cabinet — the journal, the application page, the private picker
/// with an organisation chosen — whole pages, header and footer included, in both languages,
/// on a desktop and on a phone: no serious or critical violation.
[Collection(BrowserCollection.Name)]
public sealed class CabinetAccessibilityTests(BrowserPortal portal)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("ru", 1280)]
    [InlineData("kk", 1280)]
    [InlineData("ru", 390)]
    public async Task JournalApplicationAndPicker_HaveNoSeriousOrCriticalViolations(string language, int width)
    {
        var page = await portal.NewPageAsync(width, 900, language == "kk");
        var screens = new CabinetScreens(page, language == "kk");
        await KeyFileSigner.SignInAsync(page, portal, DemoUsers.Parent1);
        var found = new List<string>();

        await screens.JournalAsync();
        found.AddRange(await ScanAsync(page, "journal"));
        await screens.ApplicationAsync();
        found.AddRange(await ScanAsync(page, "application"));
        foreach (var tab in new[] { "#tab-history", "#tab-docs" })
        {
            await page.Locator(tab).ClickAsync();
            found.AddRange(await ScanAsync(page, "application " + tab));
        }
        await screens.PickerAsync();
        await page.Locator("[data-eds-storage]").SelectOptionAsync("file");
        found.AddRange(await ScanAsync(page, "picker"));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task<IEnumerable<string>> ScanAsync(IPage page, string screen)
    {
        AxeResult result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{screen}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
    }
}
