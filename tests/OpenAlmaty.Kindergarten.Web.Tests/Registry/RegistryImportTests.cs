using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Registry;
using OpenAlmaty.Kindergarten.Web.Tests.SignIn;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// The feed's import (COPY into a temporary table, one merge) and the one question it answers.
public sealed class RegistryImportTests(EdsKeysFixture keys) : IClassFixture<EdsKeysFixture>
{
    [Fact]
    public async Task Import_SameFeedTwice_SecondChangesNothing_BadLinesReportedByNumber()
    {
        await using var portal = keys.Portal();
        var mother = TestIins.Make(new DateOnly(1991, 1, 1), Domain.People.Sex.Female);
        var father = TestIins.Make(new DateOnly(1989, 2, 2));
        var child = TestIins.Make(new DateOnly(2024, 3, 3));
        var feed = string.Join('\n',
            RegistryFeed.Line(new FeedPerson(child, "АХМЕТОВ", "ТИМУР", null, null, [mother, father], null)),
            RegistryFeed.Line(new FeedPerson(mother, "АХМЕТОВА", "ДИНА", null, null, [], null)),
            "{\"iin\":\"123456789012\",\"lastName\":\"X\",\"firstName\":\"Y\"}",
            "not json",
            RegistryFeed.Line(new FeedPerson(father, "АХМЕТОВ", "ЕРЛАН", null, null, [], null)));

        var first = await ImportAsync(portal, feed);
        var second = await ImportAsync(portal, feed);
        portal.Clock.Advance(TimeSpan.FromDays(1));
        var changed = await ImportAsync(portal, RegistryFeed.Line(new FeedPerson(child, "АХМЕТОВ", "ТИМУР", null, null, [mother], null)));

        Assert.Equal((5, 3, 0, 0), (first.Lines, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal(2, first.Rejected.Count);
        Assert.Equal("line 3: iin is not a valid IIN", first.Rejected[0]);
        Assert.StartsWith("line 4: not JSON", first.Rejected[1]);
        Assert.Equal((0, 0, 3), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal((0, 1), (changed.Inserted, changed.Updated));
        await using var scope = portal.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<PopulationRegistry>();
        Assert.Equal(Parenthood.Yes, await registry.IsParentOrRepresentativeAsync(mother, child));
        Assert.Equal(Parenthood.No, await registry.IsParentOrRepresentativeAsync(father, child));
        Assert.Equal(Parenthood.Unknown, await registry.IsParentOrRepresentativeAsync(mother, TestIins.Make(new DateOnly(2026, 11, 1))));
        await using var db = keys.Database.CreateContext();
        Assert.Equal(portal.Clock.GetUtcNow(), await db.Set<RegistryPerson>().Where(p => p.Iin == child).Select(p => p.RefreshedAt).SingleAsync());
    }

    private static async Task<RegistryImportResult> ImportAsync(Infrastructure.PortalFactory portal, string feed)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(feed));
        return await scope.ServiceProvider.GetRequiredService<RegistryImport>().ImportAsync(stream, CancellationToken.None);
    }
}
