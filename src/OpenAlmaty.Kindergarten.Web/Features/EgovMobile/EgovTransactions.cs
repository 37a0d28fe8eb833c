using OpenAlmaty.Kindergarten.Web.Localization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.SignIn;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// What the waiting page learns about its own transaction.
/// Message: the refusal in a language ("ru", "kk", "en"); a rejected transaction keeps the words it was refused with.
/// SignedXml: a signed action's XML. SessionId: a signed sign-in's session, whose cookie the
/// waiting browser's poll receives.
public sealed record EgovState(string Status, Func<string, string>? Message, string? SignedXml, string? SessionId = null);

/// The signing transactions of eGov Mobile (../shared/docs/egov-mobile.md). A transaction only
/// carries the signature from the phone to the waiting browser: the phone's answer is verified
/// here exactly as NCALayer's (so that a refusal reaches the phone at once). For an action the
/// browser then sends the same signed XML through the action's own POST, as for NCALayer, where
/// the signed request is used up in the transaction that acts. For sign-in the PUT itself
/// completes NCALayer's very sign-in (SignInService: the legal-entity rule and the person, then
/// the nonce used up and a session, in one database transaction with the guarded UPDATE), and the
/// browser's poll that finds the transaction signed receives that session's cookie (EgovWaitController).
public sealed class EgovTransactions(AppDbContext db, NonceStore nonces, IXmlSignatureVerifier verifier, SignInService signIn,
    TimeProvider clock, IOptions<EdsOptions> eds, EgovTransactionMemory memory, Auth.SessionCache sessionCache, Housekeeping housekeeping,
    ILogger<EgovTransactions> log)
{
    public const string SignInKind = "signin";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// A sign-in's transaction for the login page's nonce, issued at <paramref name="issuedText"/>
    /// (the page's own copy; the XML to sign follows from the two). One statement checks the nonce
    /// — this browser's, unused, unexpired, issued then — and adds the transaction; only when it
    /// adds nothing is the nonce read, for the reason.
    public async Task<EgovTransaction> StartSignInAsync(string nonceValue, string? issuedText, string browserKey, string language,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var browser = Hash(browserKey);
        if (nonceValue.Length is > 0 and <= 64 && CanonicalXml.ParseTime(issuedText) is { } issued)
        {
            var (id, token) = (NewId(), NewSecret());
            var xml = LoginNonce.XmlOf(nonceValue, issued);
            var added = await OnConnectionAsync(StartSignInSql, [id, token, (int)KeyPurpose.Authentication, xml, browser, now, now + Lifetime,
                SignInKind, (int)EgovStatus.Pending, nonceValue, issued, language], async command =>
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                return await reader.ReadAsync(ct) ? reader.GetFieldValue<DateTimeOffset>(0) : (DateTimeOffset?)null;
            }, ct);
            if (added is { } expires)
                return await RememberAsync(new EgovTransaction(id, token, KeyPurpose.Authentication, xml, browser, now, expires, nonceValue,
                    null, null, SignInKind, language), ct);
        }
        await nonces.CheckAsync(nonceValue, browserKey, ct);
        throw NonceStore.Unknown();
    }

    public async Task<EgovTransaction> StartRequestAsync(Guid requestId, string iin, string sessionId, CancellationToken ct)
    {
        var request = await db.Set<SignedRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.PersonIin != iin) throw EgovRefusals.UnknownRequest();
        if (request.UsedAt is not null) throw EgovRefusals.Used();
        var now = clock.GetUtcNow();
        var expires = Min(now + Lifetime, request.IssuedAt + TimeSpan.FromMinutes(eds.Value.SignedRequestMinutes));
        if (expires <= now) throw EgovRefusals.Expired();
        return await AddAsync(new EgovTransaction(NewId(), NewSecret(), KeyPurpose.Signing, request.Xml, Hash(sessionId), now,
            expires, null, request.Id, iin, request.Kind), ct);
    }

    /// The transaction the app asks for, if the id is known (API 1). What never changes may come
    /// from memory: its status there may be stale, and nothing decides on it but a guarded UPDATE.
    public async Task<EgovTransaction?> FindAsync(string id, CancellationToken ct) =>
        id.Length is 0 or > 64 ? null
        : memory.Get(id) is { } known ? known
        : await ById(db, id, ct);

    /// Compiled once: the waiting page's poll reads the row every 1.5 s.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<EgovTransaction?>> ById =
        EF.CompileAsyncQuery((AppDbContext db, string id, CancellationToken ct) =>
            db.Set<EgovTransaction>().AsNoTracking().FirstOrDefault(t => t.Id == id));

    /// The same, only with its token (API 2 and its PUT): no token or another one finds nothing.
    public async Task<EgovTransaction?> FindWithTokenAsync(string id, string? bearer, CancellationToken ct) =>
        bearer is { Length: > 0 } && await FindAsync(id, ct) is { } tx && FixedEquals(tx.Token, bearer) ? tx : null;

    /// API 2's PUT, the token already checked: verifies the signed XML; the transaction ends
    /// signed, or rejected with the reason. A transaction that has ended or expired changes no
    /// more: the UPDATE … WHERE status = pending is the guard, so <paramref name="tx"/> may be the
    /// copy kept in memory since the start (no read before the work); only when that UPDATE finds
    /// nothing is the row read, for the reason. A sign-in is completed here, so the phone hears
    /// at once when it is refused (a used nonce, a legal entity's key without a grant), and the
    /// signed XML, with the person's certificate, is not kept. Throws <see cref="SignatureRejectedException"/>.
    public async Task AcceptAsync(EgovTransaction tx, string signedXml, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (tx.Status == EgovStatus.Signed) throw EgovRefusals.Used();
        if (tx.Status == EgovStatus.Rejected) throw EgovRefusals.Ended();
        if (tx.ExpiresAt <= now) throw EgovRefusals.Expired();
        try
        {
            XmlPreScan.Check(signedXml, expectedRoot: tx.IsSignIn ? "login" : "request",
                tx.IsSignIn ? XmlPreScan.MaxLoginCharacters : XmlPreScan.MaxCharacters);
            // An action's document is remembered: it is checked again in a moment, at the action's POST.
            var verified = await verifier.VerifyAsync(signedXml, tx.Purpose, now, ct, remember: !tx.IsSignIn);
            if (!string.Equals(CanonicalXml.Canonicalize(verified.ContentWithoutSignature), tx.Xml, StringComparison.Ordinal))
                throw EgovRefusals.OtherDocument();
            if (tx.Iin is not null && verified.Signer.Iin != tx.Iin) throw EgovRefusals.OtherIin();
            if (tx.IsSignIn)
            {
                await SignInAsync(tx, verified, now, ct);
                return;
            }
        }
        catch (SignatureRejectedException e)
        {
            var ended = await db.Set<EgovTransaction>().Where(t => t.Id == tx.Id && t.Status == EgovStatus.Pending && t.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, EgovStatus.Rejected).SetProperty(t => t.EndedAt, now)
                    .SetProperty(t => t.RefusalCode, e.Code).SetProperty(t => t.RefusalRu, Lang.Of(e.Reason, "ru"))
                    .SetProperty(t => t.RefusalKk, Lang.Of(e.Reason, "kk")).SetProperty(t => t.RefusalEn, Lang.Of(e.Reason, "en")), ct);
            if (ended == 0) throw await WhyEndedAsync(tx.Id, ct);
            log.LogWarning("eGov Mobile signature refused ({Kind}): {Reason}", tx.Kind, e.Code);
            throw;
        }
        // One answer wins: the UPDATE … WHERE status = pending decides between two racing PUTs.
        var updated = await OnConnectionAsync(SignedSql, [(int)EgovStatus.Signed, now, signedXml, DBNull.Value, tx.Id, (int)EgovStatus.Pending],
            command => command.ExecuteNonQueryAsync(ct), ct);
        if (updated == 0) throw await WhyEndedAsync(tx.Id, ct);
        // Signed is final: this instance's copy now says so (the waiting page's poll needs no read).
        memory.Remember(tx.Signed(signedXml, null, now));
        log.LogInformation("eGov Mobile signature accepted ({Kind})", tx.Kind);
    }

    /// NCALayer's sign-in from here: who signed (the person follows the certificate), then the
    /// nonce used up, the session and the transaction signed with it, in one database transaction:
    /// of two racing PUTs the second waits on the nonce's row and finds it used; a transaction that
    /// ended meanwhile takes the sign-in back with it.
    private async Task SignInAsync(EgovTransaction tx, VerifiedXml verified, DateTimeOffset now, CancellationToken ct)
    {
        var signer = await signIn.SignerAsync(verified, tx.Language, ct);
        // Nothing in it needs a savepoint (each costs two round trips): any failure ends it all.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await signIn.StartSessionAsync(new NonceToUse(tx.Nonce!, tx.Xml), verified, signer, ct);
        var updated = await OnConnectionAsync(SignedSql, [(int)EgovStatus.Signed, now, DBNull.Value, session.Id, tx.Id, (int)EgovStatus.Pending],
            command => command.ExecuteNonQueryAsync(ct), ct);
        if (updated == 0)
        {
            await transaction.RollbackAsync(ct);
            sessionCache.Forget(session.Id);
            throw await WhyEndedAsync(tx.Id, ct);
        }
        await transaction.CommitAsync(ct);
        memory.Remember(tx.Signed(null, session.Id, now));
        log.LogInformation("eGov Mobile signature accepted ({Kind})", tx.Kind);
    }

    /// Why a PUT changed nothing: the transaction was signed already, was refused, or expired.
    private async Task<SignatureRejectedException> WhyEndedAsync(string id, CancellationToken ct) =>
        await db.Set<EgovTransaction>().AsNoTracking().Where(t => t.Id == id).Select(t => (EgovStatus?)t.Status).FirstOrDefaultAsync(ct) switch
        {
            EgovStatus.Signed => EgovRefusals.Used(),
            EgovStatus.Rejected => EgovRefusals.Ended(),
            _ => EgovRefusals.Expired(),
        };

    /// The outcome for the browser that started the transaction; null for any other browser.
    /// Signed never changes, so a signed copy in this instance's memory (the PUT came here) is
    /// the answer; anything else is read from the row, which another instance may have changed.
    public async Task<EgovState?> StateAsync(string id, string browserKey, CancellationToken ct)
    {
        if (id.Length is 0 or > 64 || browserKey.Length == 0) return null;
        var tx = memory.Get(id) is { Status: EgovStatus.Signed } signed ? signed : await ById(db, id, ct);
        if (tx is null || !FixedEquals(tx.Browser, Hash(browserKey))) return null;
        return tx.Status switch
        {
            EgovStatus.Signed => new EgovState("signed", null, tx.SignedXml, tx.SessionId),
            EgovStatus.Rejected => new EgovState("rejected", language => (language switch { "kk" => tx.RefusalKk, "en" => tx.RefusalEn, _ => null }) ?? tx.RefusalRu ?? "", null),
            _ when tx.ExpiresAt <= clock.GetUtcNow() => new EgovState("expired", language => Lang.Of(EgovRefusals.Expired().Reason, language), null),
            _ => new EgovState("pending", null, null),
        };
    }

    /// The sign-in's transaction from this browser's nonce: unused, unexpired, issued then; no row
    /// when it is not. $5 is the browser's hash, $6 now.
    private const string StartSignInSql = """
        insert into egov_transactions (id, token, purpose, xml, browser, created_at, expires_at, nonce, request_id, iin, kind, status, language)
        select $1, $2, $3, $4, $5, $6, least($7, n.expires_at), n.value, null, null, $8, $9, $12
        from login_nonces n
        where n.value = $10 and n.browser = $5 and n.issued_at = $11 and n.used_at is null and n.expires_at > $6
        returning expires_at
        """;

    /// Pending → signed, while unexpired ($2 is now): an action's XML ($3) or a sign-in's session ($4).
    private const string SignedSql = """
        update egov_transactions set status = $1, ended_at = $2, signed_xml = $3, session_id = $4
        where id = $5 and status = $6 and expires_at > $2
        """;

    /// One statement with positional parameters on the context's connection: the start and the
    /// PUT run on every eGov Mobile sign-in, and EF's raw-SQL pipeline was a visible share of
    /// their cost (issue 14: within 20 % of NCALayer).
    private async Task<T> OnConnectionAsync<T>(string sql, object[] values, Func<NpgsqlCommand, Task<T>> run, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<EgovTransaction> AddAsync(EgovTransaction tx, CancellationToken ct)
    {
        // One INSERT, not the change tracker's SaveChanges (a fifth of a start's CPU on the bench).
        await db.Database.ExecuteSqlAsync($"""
            insert into egov_transactions (id, token, purpose, xml, browser, created_at, expires_at, nonce, request_id, iin, kind, status)
            values ({tx.Id}, {tx.Token}, {(int)tx.Purpose}, {tx.Xml}, {tx.Browser}, {tx.CreatedAt}, {tx.ExpiresAt}, {tx.Nonce},
                    {tx.RequestId}, {tx.Iin}, {tx.Kind}, {(int)tx.Status})
            """, ct);
        return await RememberAsync(tx, ct);
    }

    private async Task<EgovTransaction> RememberAsync(EgovTransaction tx, CancellationToken ct)
    {
        memory.Remember(tx);
        // Ended transactions are of no use after a while (Housekeeping: not on every start).
        if (housekeeping.Due(HousekeptTable.EgovTransactions))
        {
            var old = clock.GetUtcNow() - TimeSpan.FromHours(1);
            await db.Set<EgovTransaction>().Where(t => t.ExpiresAt < old).Take(100).ExecuteDeleteAsync(ct);
        }
        return tx;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// 128 random bits, base64url (22 characters): the id is in the QR code, and each character
    /// more makes the code bigger (egov-mobile.md asks for at least 128 bits).
    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string value) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// This instance's copies of the transactions it started or took the signature of, until they
/// expire. API 1, API 2 and the PUT read only what never changes in a transaction (its XML,
/// token, expiry), so the app's requests cost no read here (another instance reads the row).
/// A copy's status is only a hint, except Signed, which is final: the PUT's guarded UPDATE
/// decides, and only a copy it wrote says Signed.
public sealed class EgovTransactionMemory(TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public EgovTransaction? Get(string id) => _copies.Get(id) as EgovTransaction;

    /// Keeps the copy to its expiry by the portal's clock (a copy of the same id replaces it).
    public void Remember(EgovTransaction tx)
    {
        var left = tx.ExpiresAt - clock.GetUtcNow();
        if (left > TimeSpan.Zero) _copies.Set(tx.Id, tx, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = left });
    }

    public void Dispose() => _copies.Dispose();
}
