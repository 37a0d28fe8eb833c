using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// Numbers are stored: new members go at the end.
public enum EgovStatus { Pending = 1, Signed = 2, Rejected = 3 }

/// One thing to be signed in eGov Mobile (../shared/docs/egov-mobile.md, step 1): the XML the
/// other ways sign (a sign-in nonce's or a signed request's), who may sign it and with which
/// key, until when, and the browser that waits for it. Kept in PostgreSQL so that whichever
/// portal instance the phone reaches knows what another instance issued.
public sealed class EgovTransaction
{
    private EgovTransaction() { }

    public EgovTransaction(string id, string token, KeyPurpose purpose, string xml, string browser, DateTimeOffset createdAt,
        DateTimeOffset expiresAt, string? nonce, Guid? requestId, string? iin, string kind, string? language = null)
    {
        Id = id;
        Token = token;
        Purpose = purpose;
        Xml = xml;
        Browser = browser;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Nonce = nonce;
        RequestId = requestId;
        Iin = iin;
        Kind = kind;
        Language = language;
        Status = EgovStatus.Pending;
    }

    /// 128 random bits, base64url: the QR's URL carries it, so it must not be guessable.
    public string Id { get; private set; } = "";

    /// The one-time secret API 1 gives the app for API 2 (Authorization: Bearer …).
    public string Token { get; private set; } = "";
    public KeyPurpose Purpose { get; private set; }

    /// What is to be signed, canonical (the nonce's or the signed request's XML).
    public string Xml { get; private set; } = "";

    /// SHA-256 of what binds the waiting page: the sign-in cookie, or the session id.
    public string Browser { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? Nonce { get; private set; }
    public Guid? RequestId { get; private set; }

    /// For a signed action: only this IIN may sign. Null for sign-in.
    public string? Iin { get; private set; }

    /// "signin" or the signed request's kind (what API 1 describes).
    public string Kind { get; private set; } = "";
    public EgovStatus Status { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// An action's signed XML, which the waiting page sends through the action's own POST. A
    /// sign-in keeps none: its PUT signs the person in at once (<see cref="SessionId"/>).
    public string? SignedXml { get; private set; }

    /// A signed sign-in's session, started by the PUT; the waiting browser's poll gets its cookie.
    public string? SessionId { get; private set; }

    /// A sign-in's: the waiting page's language, which the PUT records as the person's (the app's
    /// request is not the person's page).
    public string? Language { get; private set; }

    public string? RefusalCode { get; private set; }
    public string? RefusalRu { get; private set; }
    public string? RefusalKk { get; private set; }
    public string? RefusalEn { get; private set; }

    public bool IsSignIn => Nonce is not null;

    /// A copy ended as the PUT's UPDATE left the row: signed, with an action's XML or a sign-in's session.
    public EgovTransaction Signed(string? signedXml, string? sessionId, DateTimeOffset endedAt)
    {
        var copy = (EgovTransaction)MemberwiseClone();
        copy.Status = EgovStatus.Signed;
        copy.SignedXml = signedXml;
        copy.SessionId = sessionId;
        copy.EndedAt = endedAt;
        return copy;
    }
}

public sealed class EgovTransactionConfiguration : IEntityTypeConfiguration<EgovTransaction>
{
    public void Configure(EntityTypeBuilder<EgovTransaction> b)
    {
        b.ToTable("egov_transactions");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(64);
        b.Property(t => t.Token).HasMaxLength(64);
        b.Property(t => t.Browser).HasMaxLength(64);
        b.Property(t => t.Nonce).HasMaxLength(64);
        b.Property(t => t.Iin).HasMaxLength(12).IsFixedLength();
        b.Property(t => t.Kind).HasMaxLength(64);
        b.Property(t => t.RefusalCode).HasMaxLength(64);
        b.Property(t => t.SessionId).HasMaxLength(64);
        b.Property(t => t.Language).HasMaxLength(2);
        b.HasIndex(t => t.ExpiresAt);
        b.Ignore(t => t.IsSignIn);
    }
}
