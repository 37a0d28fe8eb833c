using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Signatures;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Journeys;

/// Issue 13 in Chromium: staff create a release; two parents rank and sign; the window closes;
/// the allocation runs; both see their offers with reasons; one declines and the waiting list moves.
/// The portal here runs on the real clock, so the window is moved in the data (opens_at, closes_at)
/// where the HTTP tests move a fake clock. The parents put their first choice on the list from the
/// map's marker (item 2: the picker's cards, filters and map), at 1280 and at 390 px.
[Collection(BrowserCollection.Name)]
public sealed class ReleaseJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Release_StaffCreateParentsRankAllocationRuns_OffersWithReasonsAndDeclineMovesWaitingList()
    {
        // Apart on the map (lower left, upper right): neither marker under the zoom buttons.
        var a = await OrganisationAsync("Сад Радуга", 43.24, 76.90);
        var b = await OrganisationAsync("Сад Солнышко", 43.26, 76.94);
        // A tile server for this journey; its tiles are one plain pixel (no network on CI).
        using var tiles = portal.Setting("Map:TileUrl", BlankTile);
        var first = await StaffJourney.ApplicationAsync(portal, DemoUsers.Parent1, "РЕЛИЗОВА", "АЙЯ");
        var second = await StaffJourney.ApplicationAsync(portal, DemoUsers.Parent2, "РЕЛИЗОВ", "ТИМУР");
        await StaffJourney.GrantAsync(portal, DemoUsers.Admin, StaffRole.Administrator);

        // Staff: the release, on the next working day 10:00–15:00.
        var staff = await StaffJourney.SignInAsync(portal, DemoUsers.Admin);
        var calendar = await portal.Services.GetRequiredService<WorkingCalendarSource>().GetAsync(CancellationToken.None);
        var day = calendar.NthWorkingDayAfter(AlmatyTime.Today(DateTimeOffset.UtcNow), 1);
        await staff.GotoAsync("/admin/releases/new");
        await staff.GetByLabel("Название").FillAsync("Журнальный выпуск");
        await staff.Locator("#OpensDate").FillAsync(day.ToString("yyyy-MM-dd"));
        await staff.Locator("#OpensTime").FillAsync("10:00");
        await staff.Locator("#ClosesDate").FillAsync(day.ToString("yyyy-MM-dd"));
        await staff.Locator("#ClosesTime").FillAsync("15:00");
        foreach (var (org, i) in new[] { (a, 0), (b, 1) })
        {
            await staff.Locator($"#org-{i}").SelectOptionAsync(org.Id.ToString());
            await staff.Locator($"#year-{i}").SelectOptionAsync("2022");
            await staff.Locator($"#seats-{i}").FillAsync("1");
        }
        await staff.GetByRole(AriaRole.Button, new() { Name = "Создать распределение" }).ClickAsync();
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/releases/\d+$"));
        var releaseId = long.Parse(staff.Url[(staff.Url.LastIndexOf('/') + 1)..]);
        await Expect(staff.Locator("#release-pools")).ToContainTextAsync(a.Name);

        // The window opens (the job draws the seed); both parents rank and sign.
        await MoveWindowAsync(releaseId, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(2));
        await RunAsync<AllocateReleasesJob>(j => j.ExecuteAsync(CancellationToken.None));
        var parent1 = await portal.NewPageAsync();
        var parent2 = await portal.NewPageAsync(390, 844);
        await RankAndSignAsync(parent1, DemoUsers.Parent1, first.Id, releaseId, a, b);
        await RankAndSignAsync(parent2, DemoUsers.Parent2, second.Id, releaseId, a, b);

        // The window closes; the allocation runs.
        await MoveWindowAsync(releaseId, DateTimeOffset.UtcNow.AddHours(-4), DateTimeOffset.UtcNow.AddMinutes(-1));
        await RunAsync<AllocateReleasesJob>(j => j.ExecuteAsync(CancellationToken.None));

        await parent1.GotoAsync($"/applications/{first.Id}/releases/{releaseId}");
        await Expect(parent1.Locator("#release-result")).ToContainTextAsync("1-й выбор");
        await Expect(parent1.Locator("[data-offer]").First).ToContainTextAsync("Принято решение (Направлено уведомление)");
        await parent2.GotoAsync($"/applications/{second.Id}/releases/{releaseId}");
        await Expect(parent2.Locator("#release-why-not")).ToContainTextAsync("последний принятый — №1, вы — №2");
        await Expect(parent2.Locator("[data-offer]").First).ToContainTextAsync(b.Name);
        Assert.True(await parent2.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 390 px");

        // The first parent declines, signed; the seat goes to the second from the waiting list.
        await parent1.Locator("#release-decline").ClickAsync();
        var form = parent1.Locator("form[data-eds-form]");
        await KeyFileSigner.FillAsync(form, DemoKeys.SigningFile(portal.KeysFolder, DemoUsers.Parent1));
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать отказ" }).ClickAsync();
        await Expect(parent1.GetByRole(AriaRole.Status).First).ToContainTextAsync("Вы отказались от места");
        await parent2.ReloadAsync();
        var offer = parent2.Locator("[data-offer]").First;
        await Expect(offer).ToContainTextAsync(a.Name);
        await Expect(offer).ToContainTextAsync("из списка ожидания");
    }

    private async Task RankAndSignAsync(IPage page, DemoUser parent, long applicationId, long releaseId, params (int Id, string Name)[] ranked)
    {
        await KeyFileSigner.SignInAsync(page, portal, parent);
        await page.GotoAsync($"/applications/{applicationId}");
        await page.Locator("#releases-link").ClickAsync();
        await page.Locator($"a[href='/applications/{applicationId}/releases/{releaseId}']").ClickAsync();
        await Expect(page.Locator("#release-rules")).ToContainTextAsync("Время подачи заявки не имеет значения.");
        // The first choice from the map: its marker's popup adds it by the list's own link.
        await Expect(page.Locator("#map.leaflet-container")).ToBeVisibleAsync();
        var pool = await page.Locator("#release-pools [data-pool]", new() { HasText = ranked[0].Name }).GetAttributeAsync("data-pool");
        await page.Locator($"#map [data-marker='{pool}']").ClickAsync();
        await Expect(page.Locator(".leaflet-popup")).ToContainTextAsync(ranked[0].Name);
        await BrowserPortal.ScreenshotAsync(page, $"release-map-{page.ViewportSize!.Width}");
        await page.Locator(".leaflet-popup").GetByRole(AriaRole.Link, new() { Name = "Добавить в список" }).ClickAsync();
        await Expect(page.Locator("#rank-0")).ToHaveValueAsync(pool!);
        await Expect(page.Locator($"#map [data-marker='{pool}']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling with the map");
        for (var i = 1; i < ranked.Length; i++)
            await page.Locator($"#rank-{i}").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator($"#rank-{i} option", new() { HasText = ranked[i].Name }).InnerTextAsync()).Trim() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Далее: проверить и подписать" }).ClickAsync();
        var form = page.Locator("form[data-eds-form]");
        await KeyFileSigner.FillAsync(form, DemoKeys.SigningFile(portal.KeysFolder, parent));
        await form.GetByRole(AriaRole.Button, new() { Name = "Подписать и отправить" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Заявка подписана и принята");
    }

    private const string BlankTile = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49+krAAWnAtZyzgn+AAAAAElFTkSuQmCC";

    private async Task<(int Id, string Name)> OrganisationAsync(string name, double lat, double lon)
    {
        name += " " + Guid.NewGuid().ToString("N")[..4];
        await using var db = portal.Database.CreateContext();
        var organisation = new PreschoolOrganisation(OrganisationType.PrivateStateOrder, name, name, InstructionLanguage.Russian, District.Almaly,
            "ул. Толе би 10", "272-00-00", null, lat, lon);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        await StaffJourney.PublishSeatsAsync(portal, organisation.Id, 2022, 1);
        return (organisation.Id, name);
    }

    private async Task MoveWindowAsync(long releaseId, DateTimeOffset opens, DateTimeOffset closes)
    {
        await using var db = portal.Database.CreateContext();
        await db.Database.ExecuteSqlAsync($"update releases set opens_at = {opens}, closes_at = {closes} where id = {releaseId}");
    }

    private async Task RunAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }
}
