using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The referral's PDF is drawn right after the seat is taken (ReferralIssuer); when that request
/// could not finish it (the process stopped between COMMIT and the PDF), this draws it within
/// the minute. It looks at the last day's referrals only: that is the whole window of the gap.
public sealed class ReferralDocumentsJob(AppDbContext db, ReferralIssuer issuer, TimeProvider clock, ILogger<ReferralDocumentsJob> log)
{
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
