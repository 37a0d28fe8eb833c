using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// "Выбрать частный сад" on the application page: shown only when the rules allow it, and
/// otherwise one line says why. Birth years keep the cases apart in the class's database:
/// 2022 has private seats, 2021 has a private kindergarten that is full, 2024 is under 3.
public sealed class ChoosePrivateButtonTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    private const string Unavailable = "Выбор частного сада недоступен.";

    [Fact]
    public async Task ApplicationPage_ChildOver3AndFreeSeat_ButtonShownWithoutReason()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);

        var page = await parent.OpenAsync($"/applications/{application.Id}");

        Assert.Contains($"href=\"/applications/{application.Id}/private\">Выбрать частный сад</a>", page.Html);
        Assert.DoesNotContain("id=\"why-no-private\"", page.Html);
    }

    [Fact]
    public async Task ApplicationPage_ChildUnder3_ButtonHiddenWithDateFromWhich()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, CabinetData.Under3);
        await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Under3.Year, 1);
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);

        var page = await parent.OpenAsync($"/applications/{application.Id}");

        Assert.DoesNotContain($"href=\"/applications/{application.Id}/private\"", page.Html);
        Assert.Equal($"{Unavailable} Ребёнку ещё нет 3 лет: выбор частного сада будет доступен с 10.05.2027.", WhyNoPrivate(page));
    }

    [Fact]
    public async Task ApplicationPage_StopListed_ButtonHiddenWithUntilWhen()
    {
        await using var portal = keys.Portal();
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1);
        await CabinetData.PrivateKindergartenAsync(portal, CabinetData.Over3.Year, 1);
        var until = portal.Clock.GetUtcNow().AddDays(60);
        await using (var db = keys.Database.CreateContext())
            await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StopListedUntil, until));
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);

        var page = await parent.OpenAsync($"/applications/{application.Id}");

        Assert.DoesNotContain($"href=\"/applications/{application.Id}/private\"", page.Html);
        Assert.Equal($"{Unavailable} Заявление в стоп-листе до {AlmatyTime.Format(until)}: получение направления заблокировано.", WhyNoPrivate(page));
    }

    [Fact]
    public async Task ApplicationPage_NoFreePrivateSeats_ButtonHiddenWithReason()
    {
        await using var portal = keys.Portal();
        var birth = new DateOnly(2021, 4, 4);
        var application = await CabinetData.ApplicationAsync(portal, DemoUsers.Parent1, birth);
        await CabinetData.PrivateKindergartenAsync(portal, birth.Year, 0, "Детский сад \"Полный\"");
        var parent = await CabinetClient.SignInAsync(portal, keys, DemoUsers.Parent1);

        var page = await parent.OpenAsync($"/applications/{application.Id}");

        Assert.DoesNotContain($"href=\"/applications/{application.Id}/private\"", page.Html);
        Assert.Equal($"{Unavailable} Сейчас нет свободных мест в частных детских садах по государственному заказу для возрастной группы ребёнка.",
            WhyNoPrivate(page));
    }

    /// The one line under the buttons, tags stripped and spaces collapsed.
    private static string WhyNoPrivate(CabinetPage page)
    {
        var start = page.Html.IndexOf("id=\"why-no-private\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "No reason line on the page.");
        var end = page.Html.IndexOf("</div>", start, StringComparison.Ordinal);
        var inner = page.Html[(start + "id=\"why-no-private\">".Length)..end];
        return System.Text.RegularExpressions.Regex.Replace(
            System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(inner, "<[^>]+>", " ")), "\\s+", " ").Trim();
    }
}
