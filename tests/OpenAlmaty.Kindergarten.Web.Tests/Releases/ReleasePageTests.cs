using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Releases;

/// The parent's release page reads one page of the release's organisations (filtered and paged in
/// the database, as the first-come picker) and only the pools it names; the ranking lists keep
/// what the parent picked on other pages.
public sealed partial class ReleasePageTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task ReleasePage_TenOrganisations_PagedFilteredAndPickedKeptAcrossPages()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var common = new List<int>();
        for (var i = 0; i < 9; i++) common.Add(await desk.OrganisationAsync($"Сад Общий {i}", 1));
        var rare = await desk.OrganisationAsync("Сад Редкостный", 1);
        var releaseId = await desk.CreateAsync(await desk.StaffAsync(),
            ReleaseDesk.Form("Постранично", [.. common.Append(rare).Select(o => (o, 1))]));
        var rarePool = await desk.PoolAsync(releaseId, rare);
        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        await desk.AllocateAsync();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var self = $"/applications/{application.Id}/releases/{releaseId}";

        var first = await parent.OpenAsync(self);
        Assert.Contains("Организации распределения (10)", first.Text);
        Assert.Equal(8, Cards(first).Count);
        Assert.DoesNotContain("Сад Редкостный", first.Text);
        Assert.Contains($"page=2", first.Html);

        var found = await parent.OpenAsync($"{self}?q={Uri.EscapeDataString("редкост")}");
        Assert.Contains("Организации распределения (1)", found.Text);
        Assert.Single(Cards(found));
        Assert.Contains("Сад Редкостный", found.Text);

        // Picked on the search's page, the organisation stays first in the ranking on page 1 of the whole list.
        var picked = await parent.OpenAsync($"{self}?pick={rarePool}&page=1");
        Assert.Matches($"<select id=\"rank-0\"[^>]*>\\s*<option value=\"\">—</option>\\s*<option value=\"{rarePool}\" selected=\"selected\">", picked.Html);
        Assert.Equal(8, Cards(picked).Count);
        Assert.False(picked.HasSignForm);
    }

    [Fact]
    public async Task ReleasePage_RankingAPoolOfAnotherRelease_NothingToSign()
    {
        await using var portal = keys.Portal();
        var desk = new ReleaseDesk(portal, keys);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var here = await desk.OrganisationAsync("Сад Здесь", 1);
        var there = await desk.OrganisationAsync("Сад Там", 1);
        var staff = await desk.StaffAsync();
        var releaseId = await desk.CreateAsync(staff, ReleaseDesk.Form("Этот", (here, 1)));
        var otherRelease = await desk.CreateAsync(staff, ReleaseDesk.Form("Другой", (there, 1)));
        var herePool = await desk.PoolAsync(releaseId, here);
        var otherPool = await desk.PoolAsync(otherRelease, there);
        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        await desk.AllocateAsync();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var self = $"/applications/{application.Id}/releases/{releaseId}";

        Assert.True((await parent.OpenAsync($"{self}?rank={herePool}")).HasSignForm);
        var refused = await parent.OpenAsync($"{self}?rank={herePool}&rank={otherPool}");
        Assert.False(refused.HasSignForm);
        Assert.DoesNotContain("Сад Там", refused.Text);
        Assert.False((await parent.OpenAsync($"{self}?rank={herePool}&rank={herePool}")).HasSignForm);
    }

    /// Issue 13, item 2: the ranking has the picker's map; its markers are the organisations of the
    /// page listed (no more), at their coordinates, and a marker adds its organisation by the same
    /// link as the list's «Добавить в список».
    [Fact]
    public async Task ReleasePage_WithMap_MarkersAreTheListedPageWithCoordinatesAndTheListsAddLinks()
    {
        await using var portal = keys.Portal();
        portal.Settings["Map:TileUrl"] = "https://tiles.example.kz/{z}/{x}/{y}.png";
        var desk = new ReleaseDesk(portal, keys);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisations = new List<int>();
        for (var i = 0; i < 10; i++) organisations.Add(await desk.OrganisationAsync($"Сад Картный {i}", 1));
        await using (var db = portal.Database.CreateContext())
            for (var i = 0; i < organisations.Count; i++)
                await db.Database.ExecuteSqlAsync($"update organisations set latitude = {43.2 + i / 100.0}, longitude = {76.8 + i / 50.0} where id = {organisations[i]}");
        var releaseId = await desk.CreateAsync(await desk.StaffAsync(), ReleaseDesk.Form("С картой", [.. organisations.Select(o => (o, 1))]));
        var where = new Dictionary<long, (double Lat, double Lon)>();
        for (var i = 0; i < organisations.Count; i++) where[await desk.PoolAsync(releaseId, organisations[i])] = (43.2 + i / 100.0, 76.8 + i / 50.0);
        portal.Clock.SetUtcNow(ReleaseDesk.Opens.AddHours(1));
        await desk.AllocateAsync();
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        var self = $"/applications/{application.Id}/releases/{releaseId}";

        var first = await parent.OpenAsync(self);
        var picked = long.Parse(Cards(first)[0]);
        var page = await parent.OpenAsync($"{self}?pick={picked}&page=1");
        var markers = Markers(page);
        Assert.Equal(Cards(page).Select(long.Parse).Order(), markers.Select(m => m.Id).Order());
        Assert.Equal(8, markers.Count);
        var adds = AddLinks(page);
        foreach (var m in markers)
        {
            Assert.Equal(where[m.Id].Lat, m.Lat, 6);
            Assert.Equal(where[m.Id].Lon, m.Lon, 6);
            Assert.Equal(m.Id == picked, m.Selected);
            // The picked one is added already: neither the list nor its marker offers it again.
            Assert.Equal(adds.GetValueOrDefault(m.Id), m.Url);
        }
        Assert.Null(markers.Single(m => m.Id == picked).Url);
        Assert.Equal(7, adds.Count);

        var second = await parent.OpenAsync($"{self}?pick={picked}&page=2");
        Assert.Equal(Cards(second).Select(long.Parse).Order(), Markers(second).Select(m => m.Id).Order());
        Assert.Equal(2, Markers(second).Count);
        var added = await parent.OpenAsync(Markers(second)[0].Url!);
        Assert.Matches($"<select id=\"rank-1\"[^>]*>\\s*<option value=\"\">—</option>(\\s*<option[^>]*>[^<]*</option>)*\\s*<option value=\"{Markers(second)[0].Id}\" selected=\"selected\">", added.Html);
    }

    private sealed record Marker(long Id, double Lat, double Lon, string? Url, bool Selected);

    private static List<Marker> Markers(CabinetPage page)
    {
        var map = MarkersPattern().Match(page.Html);
        Assert.True(map.Success, "the page has the map with its markers");
        var json = WebUtility.HtmlDecode(map.Groups[1].Value);
        return JsonSerializer.Deserialize<List<Marker>>(json, JsonSerializerOptions.Web) ?? [];
    }

    /// The list's «Добавить в список» links, by the pool of the card they are in.
    private static Dictionary<long, string> AddLinks(CabinetPage page) =>
        page.Html.Split("data-pool=\"").Skip(1).Select(card => (Pool: long.Parse(card[..card.IndexOf('"')]), Add: AddPattern().Match(card)))
            .Where(c => c.Add.Success).ToDictionary(c => c.Pool, c => WebUtility.HtmlDecode(c.Add.Groups[1].Value));

    private static List<string> Cards(CabinetPage page) => [.. CardPattern().Matches(page.Html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-pool=\"(\\d+)\"")]
    private static partial Regex CardPattern();

    [GeneratedRegex("data-markers=\"([^\"]*)\"")]
    private static partial Regex MarkersPattern();

    [GeneratedRegex("href=\"([^\"]+)\">Добавить в список<")]
    private static partial Regex AddPattern();
}
