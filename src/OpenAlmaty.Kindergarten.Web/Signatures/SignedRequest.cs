using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// The exact XML the portal asked a person to sign for one decision ("Подписать и отправить"),
/// kept until it comes back signed; usable once.
public sealed class SignedRequest
{
    private SignedRequest() { }

    public SignedRequest(Guid id, string personIin, string kind, long? applicationId, string xml, DateTimeOffset issuedAt)
    {
        Id = id;
        PersonIin = personIin;
        Kind = kind;
        ApplicationId = applicationId;
        Xml = xml;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    public string PersonIin { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public long? ApplicationId { get; private set; }
    public string Xml { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
}

public sealed class SignedRequestConfiguration : IEntityTypeConfiguration<SignedRequest>
{
    public void Configure(EntityTypeBuilder<SignedRequest> b)
    {
        b.ToTable("signed_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.PersonIin).HasMaxLength(12).IsFixedLength();
        b.Property(r => r.Kind).HasMaxLength(64);
        b.HasIndex(r => new { r.PersonIin, r.IssuedAt });
    }
}

/// What a verified signed request gives the feature that asked for it: the signed XML is the
/// legal record and goes into the application's history.
public sealed record VerifiedRequest(Guid Id, string Kind, long? ApplicationId, string SignedXml, SignerInfo Signer);
