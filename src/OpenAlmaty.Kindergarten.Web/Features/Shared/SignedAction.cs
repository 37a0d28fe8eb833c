using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// What a signed action asks for: the request the page prepared, what it must authorise (its kind
/// and, when the page was about one application, that application), and who acts.
public sealed record SignedActionRequest(Guid RequestId, string? SignedXml, string SignedInIin, string Kind, long? ApplicationId, string Actor)
{
    /// Unique constraints whose violation means "someone else did it first", with what to say then.
    public IReadOnlyDictionary<string, LocalizedText> Constraints { get; init; } = new Dictionary<string, LocalizedText>();
}

/// The verb's view of the transaction: the verified request, one "now", the context.
public sealed record SignedActionContext(AppDbContext Db, VerifiedRequest Request, DateTimeOffset Now, string Actor);

/// Done with a message, or refused with the reason; Code for the callers that branch on it.
public sealed record SignedOutcome(bool Done, string? Code, LocalizedText Text);

/// The one way a signed decision changes an application (decision 0007). The signature is checked
/// first, outside any transaction (it is the expensive part and needs no lock). Then, in ONE
/// transaction: the application's row is locked (SELECT … FOR UPDATE), the signed request is used
/// up, the domain verb runs on rows read after the lock, and EF saves with xmin as the row version.
/// Anything that refuses (the signature, the domain's guard, a stale row, a second click) rolls it
/// all back: nothing changes, the request stays usable or says it was used, and the person gets the
/// reason in their language.
public sealed class SignedAction(AppDbContext db, SignedRequests requests, TimeProvider clock, ILogger<SignedAction> log)
{
    public static readonly LocalizedText Stale = new(
        "Пока вы подписывали, заявление изменилось. Ничего не изменено: откройте заявление ещё раз и проверьте его состояние.");

    public async Task<SignedOutcome> RunAsync(SignedActionRequest request,
        Func<SignedActionContext, CancellationToken, Task<LocalizedText>> verb, CancellationToken ct)
    {
        try
        {
            var verified = await requests.VerifyAsync(request.RequestId, request.SignedXml ?? "", request.SignedInIin, ct, consume: false);
            if (verified.Kind != request.Kind || (request.ApplicationId is { } expected && verified.ApplicationId != expected))
                throw SignedFields.Mismatch();
            var strategy = db.Database.CreateExecutionStrategy();
            var text = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                var now = clock.GetUtcNow();
                if (verified.ApplicationId is { } locked)
                    await db.Database.ExecuteSqlAsync($"select 1 from applications where id = {locked} for update", ct);
                // After the row lock: a second click waits here, then finds the request used.
                await SignedRequests.ConsumeAsync(db, verified.Id, now, ct);
                var message = await verb(new SignedActionContext(db, verified, now, request.Actor), ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return message;
            });
            return new SignedOutcome(true, null, text);
        }
        catch (Exception e) when (Refusal(e, request) is { } refusal)
        {
            // Nothing of a refused attempt may be saved later by the same context.
            db.ChangeTracker.Clear();
            log.LogInformation("Signed {Kind} for application {ApplicationId} refused: {Reason}", request.Kind, request.ApplicationId, refusal.Code);
            return refusal;
        }
    }

    private static SignedOutcome? Refusal(Exception e, SignedActionRequest request) => e switch
    {
        SignatureRejectedException s => new(false, s.Code, s.Reason),
        DomainException d => new(false, d.Code, d.Text),
        DbUpdateConcurrencyException => new(false, "stale", Stale),
        DbUpdateException { InnerException: PostgresException { ConstraintName: { } name } } when request.Constraints.TryGetValue(name, out var text)
            => new(false, name, text),
        // Two changes that locked the same rows in opposite orders: PostgreSQL stops one of them.
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => new(false, "stale", Stale),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } } => new(false, "stale", Stale),
        _ => null,
    };
}
