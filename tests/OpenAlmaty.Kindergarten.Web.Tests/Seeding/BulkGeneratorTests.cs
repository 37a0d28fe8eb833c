using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Tools;
using OpenAlmaty.Kindergarten.Tools.Seeding;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seeding;

public sealed class BulkGeneratorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private string Connection => fixture.Database.ConnectionString;

    private Task<long> Count(string sql) => SeedingInvariants.CountAsync(Connection, sql);

    [Fact]
    public async Task GeneratorCommand_SmallCity_ProducesExactCountsValidDataAndHoldsInvariants()
    {
        var output = new StringWriter();
        var handled = await GeneratorCommand.TryRunAsync(
            ["generate", "--applications", "2000", "--organisations", "30", "--events", "1000", "--seed", "7", "--db", Connection], output, "Testing");

        Assert.True(handled);
        Assert.Contains("2000 applications", output.ToString());
        Assert.Equal(30, await Count("select count(*) from organisations"));
        Assert.Equal(2000, await Count("select count(*) from applications"));
        Assert.Equal(1000, await Count("select count(*) from application_events"));
        Assert.Equal(8, await Count("select count(distinct district) from organisations"));
        Assert.Equal(5, await Count("select count(distinct status) from applications"));
        Assert.Equal(3, await Count("select count(distinct priority_group) from applications"));
        Assert.Equal(6, await Count("select count(distinct birth_year) from applications"));
        Assert.True(await Count("select count(*) from applications where status = 1 and stop_listed_until > now()") > 0);
        Assert.True(await Count("select count(*) from applications where status = 5 and expired_referral_count = 2") > 0);
        Assert.True(await Count("select count(*) from referrals where status = 1 and valid_until > now()") > 0);
        Assert.Equal(0, await Count("select count(*) from referrals where status = 1 and valid_until <= now()"));
        Assert.True(await Count("select count(*) from (select applicant_id from applications group by applicant_id having count(*) = 5) x") > 0);
        await SeedingInvariants.AssertAllHoldAsync(Connection);

        await using var db = fixture.Database.CreateContext();
        var iins = await db.People.Select(p => p.Iin).Concat(db.Children.Select(c => c.Iin)).ToListAsync();
        Assert.All(iins, iin => Assert.True(Iin.TryParse(iin, out _, out _), iin));
        var children = await db.Children.AsNoTracking().ToListAsync();
        Assert.All(children, c => Assert.Equal(Iin.Parse(c.Iin).BirthDate, c.BirthDate));
        var numbers = await db.Applications.Select(a => a.RegistrationNumber).ToListAsync();
        Assert.All(numbers, n => Assert.True(RegistrationNumber.IsValid(n), n));

        // The sequences are past the copied rows: the portal's next insert and next number just work.
        var organisation = new PreschoolOrganisation(OrganisationType.State, "Ясли-сад № 999", "№ 999 бөбекжай-бақшасы",
            InstructionLanguage.Kazakh, District.Medeu, "пр. Достык, 1", "8 (727) 300-00-00", null, 43.23, 76.96);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        Assert.True(organisation.Id > 30);
        var next = (await DemoData.NextValuesAsync(db, "registration_number_seq", 1, CancellationToken.None)).Single();
        var serials = numbers.Select(n => RegistrationNumber.TryParse(n, out _, out var s) ? s : 0).ToList();
        Assert.Equal(serials.Max() + 1, next);
        Assert.Equal(2000, serials.Distinct().Count());
    }

    [Fact]
    public async Task FillAsync_TwiceWithTheSameSeed_AddsExactlyTheNewRowsWithoutCollisions()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await BulkGenerator.FillAsync(database.ConnectionString, 300, 5, 700, 7, CancellationToken.None);
        var second = await BulkGenerator.FillAsync(database.ConnectionString, 300, 5, 700, 7, CancellationToken.None);

        Assert.Equal((5, 300, 700), (first.Organisations, first.Applications, first.Events));
        Assert.Equal((5, 300, 700), (second.Organisations, second.Applications, second.Events));
        Assert.Equal(600, await SeedingInvariants.CountAsync(database.ConnectionString, "select count(*) from applications"));
        Assert.Equal(1400, await SeedingInvariants.CountAsync(database.ConnectionString, "select count(*) from application_events"));
        Assert.Equal(10, await SeedingInvariants.CountAsync(database.ConnectionString, "select count(*) from organisations"));
        await SeedingInvariants.AssertAllHoldAsync(database.ConnectionString);
    }

    [Fact]
    public async Task TryRun_PortalArguments_IsNotHandled() =>
        Assert.False(await GeneratorCommand.TryRunAsync(["--urls", "http://127.0.0.1:5080"]));

    [Fact]
    public async Task Generate_InProduction_Refused()
    {
        var refused = await Assert.ThrowsAsync<ToolRefusedException>(() =>
            GeneratorCommand.TryRunAsync(["generate", "--applications", "10", "--db", Connection], TextWriter.Null, "Production"));

        Assert.Contains("refused in Production", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithoutExplicitDatabase_RefusedEvenWithConnectionStringInEnvironment()
    {
        var refused = await Assert.ThrowsAsync<ToolRefusedException>(() =>
            GeneratorCommand.TryRunAsync(["generate", "--applications", "10"], TextWriter.Null, "Testing"));

        Assert.Contains("--db", refused.Message, StringComparison.Ordinal);
    }
}
