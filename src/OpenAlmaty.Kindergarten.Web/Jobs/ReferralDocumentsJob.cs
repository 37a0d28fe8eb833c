using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The referral's PDF: enqueued after the seat's COMMIT (<see cref="DrawAsync"/>, IAfterCommit),
/// and drawn at once by the request that has everything in hand (ReferralIssuer); whichever comes
/// first stores it, the other finds it stored. The minute run (<see cref="ExecuteAsync"/>) is the
/// safety net for a process that stopped between COMMIT and both; it looks at the last day's
/// referrals only: that is the whole window of the gap.
public sealed class ReferralDocumentsJob(AppDbContext db, ReferralIssuer issuer, TimeProvider clock, ILogger<ReferralDocumentsJob> log)
{
    public Task<bool> DrawAsync(long referralId, CancellationToken ct) => issuer.StoreDocumentAsync(referralId, ct);

    /// After a change to the referral (a calendar change moved its "valid until"), enqueued after
    /// that COMMIT: the stored PDF is drawn again from the referral as it is now. Safe to run twice.
    public Task RedrawAsync(long referralId, CancellationToken ct) => issuer.RedrawDocumentAsync(referralId, ct);

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var missing = await db.Referrals.AsNoTracking()
            .Where(r => r.IssuedAt >= since && !db.ApplicationDocuments.Any(d => d.ReferralId == r.Id))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(500)
            .ToListAsync(ct);
        var stored = 0;
        foreach (var id in missing)
            if (await issuer.StoreDocumentAsync(id, ct)) stored++;
        if (stored > 0) log.LogWarning("Referral PDFs drawn late: {Count}", stored);
        return stored;
    }
}
