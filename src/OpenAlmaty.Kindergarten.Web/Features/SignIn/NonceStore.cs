using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// A one-time sign-in challenge. Kept in PostgreSQL, not in memory, so that whichever portal
/// instance receives the signed answer knows the nonce another instance issued.
public sealed class LoginNonce
{
    private LoginNonce() { }

    public LoginNonce(string value, string browser, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Value = value;
        Browser = browser;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public string Value { get; private set; } = "";

    /// The SHA-256 of the browser's sign-in cookie: a nonce shown to one browser signs in that
    /// browser only (issue 17, case 2).
    public string Browser { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// The XML the person signs; already in canonical form (see <see cref="CanonicalXml"/>).
    public string Xml => XmlOf(Value, IssuedAt);

    /// The login XML of a nonce value issued at a moment (whole seconds).
    public static string XmlOf(string value, DateTimeOffset issuedAt) =>
        $"<login><nonce>{value}</nonce><issued>{CanonicalXml.Time(issuedAt)}</issued></login>";
}

/// A checked nonce, ready to be used up: its value and the XML it was issued as.
public sealed record NonceToUse(string Value, string Xml);

public sealed class LoginNonceConfiguration : IEntityTypeConfiguration<LoginNonce>
{
    public void Configure(EntityTypeBuilder<LoginNonce> b)
    {
        b.ToTable("login_nonces");
        b.HasKey(n => n.Value);
        b.Property(n => n.Value).HasMaxLength(64);
        b.Property(n => n.Browser).HasMaxLength(64);
        b.HasIndex(n => n.ExpiresAt);
        b.Ignore(n => n.Xml);
    }
}

public sealed class NonceStore(AppDbContext db, TimeProvider clock, Housekeeping housekeeping)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// A new random value for the browser's sign-in cookie.
    public static string NewBrowserKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string BrowserHash(string browserKey) => Base64Url(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(browserKey)));

    public async Task<LoginNonce> IssueAsync(string browserKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nonce = new LoginNonce(Base64Url(RandomNumberGenerator.GetBytes(32)), BrowserHash(browserKey), Truncate(now), now + Lifetime);
        db.Add(nonce);
        await db.SaveChangesAsync(ct);
        // Expired challenges are of no use to anyone; clearing a few here keeps the table small
        // without a scheduled job (Housekeeping: not on every page).
        if (housekeeping.Due(HousekeptTable.LoginNonces))
            await db.Set<LoginNonce>().Where(n => n.ExpiresAt < now - TimeSpan.FromHours(1)).Take(100).ExecuteDeleteAsync(ct);
        return nonce;
    }

    /// The cheap checks, made before the signature is canonicalised: the nonce exists, was shown
    /// to this browser, is unused and unexpired. Throws with the reason.
    public async Task<NonceToUse> CheckAsync(string value, string browserKey, CancellationToken ct)
    {
        var nonce = await ByValue(db, value, ct) ?? throw Unknown();
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(nonce.Browser), System.Text.Encoding.ASCII.GetBytes(BrowserHash(browserKey))))
            throw Rejected("nonce.other-browser", new("Этот запрос на вход был открыт в другом браузере. Обновите страницу и подпишите ещё раз здесь."));
        if (nonce.UsedAt is not null) throw Used();
        if (nonce.ExpiresAt <= clock.GetUtcNow()) throw Expired();
        return new NonceToUse(nonce.Value, nonce.Xml);
    }

    /// Marks the nonce used, once: the UPDATE … WHERE used_at IS NULL decides between two
    /// requests racing with the same signed answer. <paramref name="nonce"/> is what
    /// <see cref="CheckAsync"/> returned for this request (it is not read again: the UPDATE's own
    /// conditions are the guard). Throws with the reason when it cannot be used.
    public async Task ConsumeAsync(NonceToUse nonce, string signedContent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!string.Equals(CanonicalXml.Canonicalize(signedContent), nonce.Xml, StringComparison.Ordinal))
            throw Rejected("nonce.content-changed", new("Подписан не тот документ, который выдал портал. Обновите страницу и подпишите ещё раз."));
        var value = nonce.Value;
        var updated = await db.Set<LoginNonce>()
            .Where(n => n.Value == value && n.UsedAt == null && n.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.UsedAt, now), ct);
        if (updated == 0)
            throw await db.Set<LoginNonce>().AnyAsync(n => n.Value == value && n.UsedAt == null, ct) ? Expired() : Used();
    }

    /// Compiled once: read on every sign-in and every eGov Mobile start.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<LoginNonce?>> ByValue =
        EF.CompileAsyncQuery((AppDbContext db, string value, CancellationToken ct) =>
            db.Set<LoginNonce>().AsNoTracking().FirstOrDefault(n => n.Value == value));

    /// No such nonce, or not as the page says it was issued (a stale or altered page).
    public static SignatureRejectedException Unknown() =>
        Rejected("nonce.unknown", new("Запрос на вход не найден. Обновите страницу и подпишите ещё раз."));

    public static SignatureRejectedException Used() => Rejected("nonce.used", new(
        "Эта подпись уже использована для входа. Обновите страницу и подпишите ещё раз."));

    private static SignatureRejectedException Expired() => Rejected("nonce.expired", new(
        "Время на вход истекло (5 минут). Обновите страницу и подпишите ещё раз."));

    private static SignatureRejectedException Rejected(string code, LocalizedText reason) => new(code, reason);

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
