using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

/// "Is this adult a parent or legal representative of this child?" from the portal's copy of the
/// population registry. No record of the child (a newborn not yet in the feed) is Unknown, never
/// Yes: only the registry's own list of parents makes a Yes.
public sealed class PopulationRegistry(AppDbContext db)
{
    public async Task<Parenthood> IsParentOrRepresentativeAsync(string parentIin, string childIin, CancellationToken ct = default)
    {
        var parent = parentIin.Trim();
        var child = childIin.Trim();
        var parents = await db.Set<RegistryPerson>().AsNoTracking().Where(p => p.Iin == child)
            .Select(p => p.ParentIins).SingleOrDefaultAsync(ct);
        if (parents is null || parents.Length == 0) return Parenthood.Unknown;
        return parents.Contains(parent) ? Parenthood.Yes : Parenthood.No;
    }
}
