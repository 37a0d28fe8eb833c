using System.Data;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// The parent's signed decisions in a release: the ranking, and the answer to an offer. Each
/// happens in one transaction with its guard, its row locks and the signed request used up.
public sealed class ReleaseDecisions(AppDbContext db, TimeProvider clock, ReferralIssuer issuer, ReleaseWaitingLists waitingLists)
{
    public const string RequestKind = "release-request";
    public const string AcceptKind = "release-accept";
    public const string DeclineKind = "release-decline";

    /// The last signed request counts: the earlier one is superseded in the same transaction.
    public async Task<ReleaseRequest> SubmitAsync(long releaseId, long applicationId, IReadOnlyList<long> rankedPoolIds, Guid signedRequestId,
        string signedXml, CancellationToken ct)
    {
        ReleaseRequest.CheckChoices(rankedPoolIds);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var now = clock.GetUtcNow();
            // Shared lock: the allocation (FOR UPDATE) waits for requests being written, and a request after it sees "allocated".
            var release = await db.Releases.FromSql($"select * from releases where id = {releaseId} for share").AsNoTracking().SingleAsync(ct);
            if (!release.AcceptsRequests(now)) throw new DomainException("release.closed", Release.RequestsClosed);
            var application = await db.Applications.FromSql($"select *, xmin from applications where id = {applicationId} for update")
                .AsNoTracking().Include(a => a.Child).SingleAsync(ct);
            await Signatures.SignedRequests.ConsumeAsync(db, signedRequestId, now, ct);
            var unmet = KindergartenEligibility.Private(application.Status, application.Child!.BirthDate,
                application.StopListedUntil, freePrivateSeatForAgeGroup: true, now);
            if (unmet.Count > 0) throw new DomainException("release.not-eligible", unmet[0]);
            // One count over the ranked pools (at most five), not the age group's hundreds of pools.
            var ranked = rankedPoolIds.ToArray();
            var valid = await db.ReleasePools.CountAsync(p => ranked.Contains(p.Id) && p.ReleaseId == releaseId && p.BirthYear == application.BirthYear, ct);
            if (valid != ranked.Length)
                throw new DomainException("release.pool", new("Выбранная организация не участвует в распределении для возрастной группы ребёнка."));
            var request = ReleaseRequest.Sign(releaseId, applicationId, rankedPoolIds, signedXml, now);
            // The last signed request counts: the current one (if any) is superseded by one UPDATE
            // before the new one is added (the unique index allows one current request).
            await db.ReleaseRequests.Where(r => r.ReleaseId == releaseId && r.ApplicationId == applicationId && r.SupersededAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.SupersededAt, now), ct);
            db.ReleaseRequests.Add(request);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return request;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// The referral on the release's seat: ReferralIssuer's transaction, with the offer taken
    /// under its row lock instead of a first-come seat.
    public async Task<Referral> AcceptAsync(long offerId, long applicationId, string actor, Guid signedRequestId, string signedXml, CancellationToken ct)
    {
        var target = await db.ReleaseOffers.AsNoTracking().Where(o => o.Id == offerId && o.ApplicationId == applicationId)
            .Select(o => new { o.Pool!.OrganisationId, o.Pool.Kind }).SingleOrDefaultAsync(ct) ?? throw NotFound();
        return await issuer.IssueAsync(applicationId, target.OrganisationId, target.Kind, actor, signedXml, ct, signedRequestId,
            async (referral, token) =>
            {
                var offer = await db.ReleaseOffers.FromSql($"select * from release_offers where id = {offerId} for update").SingleAsync(token);
                offer.Accept(referral.Id, clock.GetUtcNow());
                await db.SaveChangesAsync(token);
            });
    }

    public async Task DeclineAsync(long offerId, long applicationId, Guid signedRequestId, CancellationToken ct)
    {
        var releaseId = await db.ReleaseOffers.Where(o => o.Id == offerId && o.ApplicationId == applicationId)
            .Select(o => (long?)o.ReleaseId).SingleOrDefaultAsync(ct) ?? throw NotFound();
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct))
            {
                var now = clock.GetUtcNow();
                var pools = await ReleaseWaitingLists.LockPoolsAsync(db, releaseId, ct);
                await Signatures.SignedRequests.ConsumeAsync(db, signedRequestId, now, ct);
                var offer = await db.ReleaseOffers.FromSql($"select * from release_offers where id = {offerId} for update").SingleAsync(ct);
                offer.Decline(now);
                pools.Single(p => p.Id == offer.PoolId).SeatCameBack();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        // The seat moves at once; the job every minute is the backstop.
        await waitingLists.MoveAsync(releaseId, ct);
    }

    private static DomainException NotFound() => new("offer.not-found", new("Предложение не найдено."));
}
