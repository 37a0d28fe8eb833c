using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.FreeSeats;

public sealed class FreeSeatsPageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FreeSeats_Anonymous_ShowsSeatsByFiltersWithoutPersonalData()
    {
        await using (var db = fixture.Database.CreateContext())
        {
            var scenario = new Scenario(db, Now);
            var turksib = await scenario.OrganisationAsync(OrganisationType.State, "Ясли-сад Түрксіб № 1", District.Turksib);
            var medeu = await scenario.OrganisationAsync(OrganisationType.PrivateStateOrder, "Частный сад Медеу", District.Medeu);
            await scenario.SeatsAsync(turksib, 2022, 7);
            await scenario.SeatsAsync(medeu, 2021, 3);
            await scenario.ApplicationAsync(await scenario.ParentAsync("СЕКРЕТОВА"), new DateOnly(2022, 1, 1));
        }
        await using var portal = new PortalFactory(fixture.Database);
        var client = portal.CreateClient();

        var all = await client.GetAsync("/free-seats");
        var turksibOnly = await client.GetStringAsync("/free-seats?district=Turksib&birthYear=2022");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var html = await all.Content.ReadAsStringAsync();
        // City-wide: the summary by district and age group, no organisation list.
        Assert.Contains("Турксибский", html);
        Assert.Contains("Медеуский", html);
        Assert.Contains("Выберите район, чтобы увидеть детские сады со свободными местами.", html);
        Assert.DoesNotContain("Ясли-сад Түрксіб № 1", html);
        Assert.DoesNotContain("СЕКРЕТОВА", html);
        Assert.Contains("Ясли-сад Түрксіб № 1", turksibOnly);
        Assert.DoesNotContain("Частный сад Медеу", turksibOnly);
        Assert.Contains("Итого по районам и возрастным группам: 7", turksibOnly);
    }

    [Fact]
    public async Task FreeSeats_RepeatedRequest_ServedFromCacheWithoutReadingTheDatabase()
    {
        int organisationId;
        await using (var db = fixture.Database.CreateContext())
        {
            var scenario = new Scenario(db, Now);
            var organisation = await scenario.OrganisationAsync(OrganisationType.State, "Сад Алатау кэш", District.Alatau);
            await scenario.SeatsAsync(organisation, 2023, 5);
            organisationId = organisation.Id;
        }
        await using var portal = new PortalFactory(fixture.Database);
        var client = portal.CreateClient();
        var first = await client.GetAsync("/free-seats?district=Alatau");
        await using (var db = fixture.Database.CreateContext())
        {
            await db.Seats.Where(s => s.OrganisationId == organisationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FreeSeats, 9));
        }

        var cached = await client.GetStringAsync("/free-seats?district=Alatau");
        var otherFilter = await client.GetStringAsync("/free-seats?district=Alatau&birthYear=2023");

        Assert.Equal("public, max-age=30", first.Headers.CacheControl?.ToString());
        Assert.Contains("Итого по районам и возрастным группам: 5", cached);
        Assert.Contains("Итого по районам и возрастным группам: 9", otherFilter);
    }
}
