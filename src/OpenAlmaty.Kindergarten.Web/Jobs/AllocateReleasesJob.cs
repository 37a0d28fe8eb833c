using OpenAlmaty.Kindergarten.Web.Features.Releases;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Release rounds: opens the windows that are due (the seed is drawn) and allocates the releases
/// whose window has closed. Safe to run twice: each release is guarded by its status under its row lock.
public sealed class AllocateReleasesJob(ReleaseAllocator allocator)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        await allocator.OpenDueAsync(ct);
        var allocated = 0;
        foreach (var id in await allocator.DueAsync(ct))
            if (await allocator.AllocateAsync(id, ct)) allocated++;
        return allocated;
    }
}
