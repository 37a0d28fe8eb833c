using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// A one-time sign-in challenge. Kept in PostgreSQL, not in memory, so that whichever portal
/// instance receives the signed answer knows the nonce another instance issued.
public sealed class LoginNonce
{
    private LoginNonce() { }

    public LoginNonce(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Value = value;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public string Value { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// The XML the person signs; already in canonical form (see <see cref="CanonicalXml"/>).
    public string Xml => $"<login><nonce>{Value}</nonce><issued>{CanonicalXml.Time(IssuedAt)}</issued></login>";
}

public sealed class LoginNonceConfiguration : IEntityTypeConfiguration<LoginNonce>
{
    public void Configure(EntityTypeBuilder<LoginNonce> b)
    {
        b.ToTable("login_nonces");
        b.HasKey(n => n.Value);
        b.Property(n => n.Value).HasMaxLength(64);
        b.HasIndex(n => n.ExpiresAt);
        b.Ignore(n => n.Xml);
    }
}

public sealed class NonceStore(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<LoginNonce> IssueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nonce = new LoginNonce(Base64Url(RandomNumberGenerator.GetBytes(32)), Truncate(now), now + Lifetime);
        db.Add(nonce);
        await db.SaveChangesAsync(ct);
        // Expired challenges are of no use to anyone; clearing a few here keeps the table small
        // without a scheduled job.
        await db.Set<LoginNonce>().Where(n => n.ExpiresAt < now - TimeSpan.FromHours(1)).Take(100).ExecuteDeleteAsync(ct);
        return nonce;
    }

    /// Marks the nonce used, once: the UPDATE … WHERE used_at IS NULL decides between two
    /// requests racing with the same signed answer. Throws with the reason when it cannot be used.
    public async Task ConsumeAsync(string value, string signedContent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nonce = await db.Set<LoginNonce>().AsNoTracking().FirstOrDefaultAsync(n => n.Value == value, ct)
            ?? throw Rejected("nonce.unknown", new("Запрос на вход не найден. Обновите страницу и подпишите ещё раз.",
                "Кіру сұрауы табылмады. Бетті жаңартып, қайта қол қойыңыз."));
        if (!string.Equals(CanonicalXml.Canonicalize(signedContent), nonce.Xml, StringComparison.Ordinal))
            throw Rejected("nonce.content-changed", new("Подписан не тот документ, который выдал портал. Обновите страницу и подпишите ещё раз.",
                "Портал берген құжатқа емес, басқа құжатқа қол қойылған. Бетті жаңартып, қайта қол қойыңыз."));
        if (nonce.UsedAt is not null)
            throw Rejected("nonce.used", new("Эта подпись уже использована для входа. Обновите страницу и подпишите ещё раз.",
                "Бұл қолтаңба кіру үшін бұрын пайдаланылған. Бетті жаңартып, қайта қол қойыңыз."));
        if (nonce.ExpiresAt <= now)
            throw Expired();
        var updated = await db.Set<LoginNonce>()
            .Where(n => n.Value == value && n.UsedAt == null && n.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.UsedAt, now), ct);
        if (updated == 0)
            throw Rejected("nonce.used", new("Эта подпись уже использована для входа. Обновите страницу и подпишите ещё раз.",
                "Бұл қолтаңба кіру үшін бұрын пайдаланылған. Бетті жаңартып, қайта қол қойыңыз."));
    }

    private static SignatureRejectedException Expired() => Rejected("nonce.expired", new(
        "Время на вход истекло (5 минут). Обновите страницу и подпишите ещё раз.",
        "Кіру уақыты өтіп кетті (5 минут). Бетті жаңартып, қайта қол қойыңыз."));

    private static SignatureRejectedException Rejected(string code, LocalizedText reason) => new(code, reason);

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
