using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// Issue 15, item 7: with no tile server (the default) the picker shows no grey box with dots,
/// only the list and a line saying so; with one, Leaflet's controls get the page's language.
public sealed class PickerMapTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Picker_NoTileServer_NoMapOnlyTheListAndANote()
    {
        await using var portal = keys.Portal();
        var picker = await OpenPickerAsync(portal);

        Assert.Contains("Карта не подключена: детские сады с адресами — в списке.", picker.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-markers", picker.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picker_WithTileServer_MapAndLeafletTextsInPageLanguage()
    {
        await using var portal = keys.Portal();
        portal.Settings["Map:TileUrl"] = "https://tiles.example.kz/{z}/{x}/{y}.png";
        var picker = await OpenPickerAsync(portal);

        Assert.Contains("data-tiles=\"https://tiles.example.kz/{z}/{x}/{y}.png\"", picker.Text, StringComparison.Ordinal);
        Assert.Contains("data-zoom-in=\"Приблизить\"", picker.Text, StringComparison.Ordinal);
        Assert.Contains("data-credit=\"участники OpenStreetMap\"", picker.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Карта не подключена", picker.Text, StringComparison.Ordinal);
    }

    private async Task<CabinetPage> OpenPickerAsync(PortalFactory portal)
    {
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        var organisation = await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 2);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);
        return await parent.OpenAsync($"/applications/{application.Id}/private?org={organisation}");
    }
}
