using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// Queue numbers of any set of applications in one SQL round trip: per application, the sizes of
/// the three priority groups of its birth year and its rank inside its own group — all counts on
/// the partial index ix_applications_queue — then QueueOrder.Position does the interleaving.
public sealed class QueuePositions(AppDbContext db)
{
    /// Column aliases are snake_case: SqlQuery maps this type's properties through the context's
    /// snake_case naming convention.
    private sealed record Counts(long Id, int PriorityGroup, long OutOfTurn, long FirstPriority, long General, long Rank);

    public async Task<IReadOnlyDictionary<long, int>> ForAsync(IReadOnlyCollection<long> applicationIds, CancellationToken ct = default)
    {
        if (applicationIds.Count == 0) return new Dictionary<long, int>();
        var ids = applicationIds.ToArray();
        var rows = await db.Database.SqlQuery<Counts>($"""
            select me.id as id, me.priority_group as priority_group,
              (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 0) as out_of_turn,
              (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 1) as first_priority,
              (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = 2) as general,
              (select count(*) from applications a where a.status in (1, 2) and a.birth_year = me.birth_year and a.priority_group = me.priority_group
                 and (a.queued_at, a.id) <= (me.queued_at, me.id)) as rank
            from applications me
            where me.id = any({ids}) and me.status in (1, 2)
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => QueueOrder.Position((PriorityGroup)r.PriorityGroup, (int)r.Rank,
            (int)r.OutOfTurn, (int)r.FirstPriority, (int)r.General));
    }

    public async Task<int?> ForAsync(long applicationId, CancellationToken ct = default) =>
        (await ForAsync([applicationId], ct)).TryGetValue(applicationId, out var position) ? position : null;
}
