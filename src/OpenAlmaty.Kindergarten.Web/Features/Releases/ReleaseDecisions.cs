using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
    /// Release day sends tens of thousands of these in a few hours (issue 13: p95 under 300 ms at
    /// 64 at once), so the transaction is two round trips of plain SQL, not nine of EF: the first
    /// takes the release's shared lock (the allocation's FOR UPDATE waits for requests being
    /// written, and a request after it sees "allocated"), the application's row lock, uses the
    /// signed request up and counts the ranked pools; the rules are then the domain's
    /// (Release.AcceptsRequests, KindergartenEligibility); the second supersedes the current
    /// request and adds this one. Any refusal rolls all of it back.
    public async Task SubmitAsync(long releaseId, long applicationId, IReadOnlyList<long> rankedPoolIds, Guid signedRequestId,
        string signedXml, CancellationToken ct)
    {
        ReleaseRequest.CheckChoices(rankedPoolIds);
        var request = ReleaseRequest.Sign(releaseId, applicationId, rankedPoolIds, signedXml, clock.GetUtcNow());
        var now = request.SignedAt;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            await using (var checks = new NpgsqlBatch(connection, tx))
            {
                checks.BatchCommands.Add(Command("select status, opens_at, closes_at from releases where id = $1 for share", releaseId));
                checks.BatchCommands.Add(Command("""
                    select a.status, a.birth_year, a.stop_listed_until, c.birth_date
                    from applications a join children c on c.id = a.child_id where a.id = $1 for update of a
                    """, applicationId));
                checks.BatchCommands.Add(Signatures.SignedRequests.ConsumeCommand(signedRequestId, now));
                checks.BatchCommands.Add(Command("""
                    select count(*) from release_pools p
                    where p.id = any($1) and p.release_id = $2 and p.birth_year = (select birth_year from applications where id = $3)
                    """, request.RankedPoolIds, releaseId, applicationId));
                await using var reader = await checks.ExecuteReaderAsync(ct);
                var open = await reader.ReadAsync(ct)
                    && Release.AcceptsRequests((ReleaseStatus)reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), now);
                if (!open) throw new DomainException("release.closed", Release.RequestsClosed);
                await reader.NextResultAsync(ct);
                if (!await reader.ReadAsync(ct)) throw new DomainException("application.not-found", new("Заявление не найдено."));
                var unmet = KindergartenEligibility.Private((ApplicationStatus)reader.GetInt32(0), reader.GetFieldValue<DateOnly>(3),
                    await reader.IsDBNullAsync(2, ct) ? null : reader.GetFieldValue<DateTimeOffset>(2), freePrivateSeatForAgeGroup: true, now);
                // The UPDATE has no result set: the next one is the count, by which the UPDATE is done.
                await reader.NextResultAsync(ct);
                if (checks.BatchCommands[2].RecordsAffected == 0) throw Signatures.SignedRequests.Used();
                if (unmet.Count > 0) throw new DomainException("release.not-eligible", unmet[0]);
                // One count over the ranked pools (at most five), not the age group's hundreds of pools.
                if (!await reader.ReadAsync(ct) || reader.GetInt64(0) != request.RankedPoolIds.Length)
                    throw new DomainException("release.pool", new("Выбранная организация не участвует в распределении для возрастной группы ребёнка."));
            }
            await using (var write = new NpgsqlBatch(connection, tx))
            {
                // The unique index allows one current request: the current one (if any) is superseded first.
                write.BatchCommands.Add(Command("""
                    update release_requests set superseded_at = $1 where release_id = $2 and application_id = $3 and superseded_at is null
                    """, now, releaseId, applicationId));
                write.BatchCommands.Add(Command("""
                    insert into release_requests (release_id, application_id, ranked_pool_ids, signed_xml, signed_at, pseudonym)
                    values ($1, $2, $3, $4, $5, $6)
                    """, releaseId, applicationId, request.RankedPoolIds, request.SignedXml, now, request.Pseudonym));
                await write.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
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
