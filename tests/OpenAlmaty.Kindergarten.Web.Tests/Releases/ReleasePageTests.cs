using System.Text.RegularExpressions;
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

    private static List<string> Cards(CabinetPage page) => [.. CardPattern().Matches(page.Html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-pool=\"(\\d+)\"")]
    private static partial Regex CardPattern();
}
