using System.Net;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests;

public sealed class HealthTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Health_DatabaseAnswers_Returns200()
    {
        await using var factory = new PortalFactory(fixture.Database);
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_DatabaseDoesNotAnswer_Returns503()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString;
        await using var factory = new PortalFactory(fixture.Database);
        factory.Settings["ConnectionStrings:Default"] = unreachable;
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task HomePage_Anonymous_ShowsServiceAndCallCentreContacts()
    {
        await using var factory = new PortalFactory(fixture.Database);
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("Постановка на очередь детей дошкольного возраста", html);
        Assert.Contains("Call-center Open Almaty: <a href=\"tel:1308\">1308</a>", html);
        Assert.Contains("sp.ddoalmaty@gmail.com", html);
    }
}
