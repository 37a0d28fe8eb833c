using System.Text.RegularExpressions;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Organisations;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Admin;

/// The staff list of organisations: numbered names in number order, every organisation reachable
/// through pages (none silently cut), the count shown and the filter kept in the pages' links.
public sealed partial class OrganisationListTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    [Fact]
    public async Task Administrator_ListsManyNumberedOrganisations_NumberOrderAcrossPagesWithCount()
    {
        const int count = OrganisationsController.PageSize + 12;
        await using (var db = desks.Database.CreateContext())
        {
            var scenario = new Scenario(db, StaffKeysFixture.Now);
            for (var n = 1; n <= count; n++)
                await scenario.OrganisationAsync(name: $"Ясли-сад № {n} Номерной", district: District.Turksib);
        }
        await using var portal = desks.Portal();
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var first = await admin.GetStringAsync("/admin/organisations?q=Номерной");
        var second = await admin.GetStringAsync("/admin/organisations?q=Номерной&page=2");

        var numbers = Numbers(first).Concat(Numbers(second)).ToList();
        Assert.Equal(Enumerable.Range(1, count), numbers);
        Assert.Contains($"Показаны 1–{OrganisationsController.PageSize} из {count}", first, StringComparison.Ordinal);
        Assert.Contains($"Показаны {OrganisationsController.PageSize + 1}–{count} из {count}", second, StringComparison.Ordinal);
        Assert.Contains("/admin/organisations?q=%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%D0%BD%D0%BE%D0%B9&amp;page=2", first, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Numbers(string html) =>
        NumberedName().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@">Ясли-сад № (\d+) Номерной</a>")]
    private static partial Regex NumberedName();
}
