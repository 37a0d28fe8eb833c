using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// Rows of the population registry as a feed would leave them.
public static class RegistryData
{
    public static async Task GiveChildAsync(TestDatabase database, string childIin, params string[] parentIins)
    {
        await using var db = database.CreateContext();
        var birth = OpenAlmaty.Kindergarten.Domain.People.Iin.Parse(childIin).BirthDate;
        await db.Database.ExecuteSqlAsync($"""
            insert into registry_people (iin, last_name, first_name, middle_name, birth_date, parent_iins, refreshed_at)
            values ({childIin}, 'МАНСУРҰЛЫ', 'ТИМУР', null, {birth}, {parentIins}, now())
            on conflict (iin) do update set parent_iins = excluded.parent_iins
            """);
    }
}
