using OpenAlmaty.Kindergarten.Web.Features.Releases;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Every minute: release offers past their deadline expire, seats of release referrals that were
/// annulled or cancelled come back, and each seat that came back goes to its waiting list.
public sealed class ReleaseWaitingListsJob(ReleaseWaitingLists waitingLists)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var offered = 0;
        foreach (var id in await waitingLists.DueAsync(ct)) offered += await waitingLists.MoveAsync(id, ct);
        return offered;
    }
}
