using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Features.Attach;

/// A one-time code the filing parent creates (signed) and hands to the second parent when the
/// registry does not list them (a stepparent, a guardian, a newborn not yet in the feed). Only
/// the code's hash is kept; it works once, for this application, until it expires.
public sealed class AttachInvitation
{
    private AttachInvitation() { }

    public AttachInvitation(long applicationId, string code, long createdBy, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        ApplicationId = applicationId;
        CodeHash = Hash(code);
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }
    public long ApplicationId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public long CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public long? UsedBy { get; private set; }

    // No 0/O, 1/I/L: the code is read out over the phone and typed by hand.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// Ten characters from 31: about 8·10^14 codes, with the registration number and the
    /// child's IIN needed as well.
    public static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    public static string Normalize(string? code) =>
        new((code ?? "").ToUpperInvariant().Where(c => Alphabet.Contains(c, StringComparison.Ordinal)).ToArray());

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(code))));
}

public sealed class AttachInvitationConfiguration : IEntityTypeConfiguration<AttachInvitation>
{
    public void Configure(EntityTypeBuilder<AttachInvitation> b)
    {
        b.ToTable("attach_invitations");
        b.Property(i => i.CodeHash).HasMaxLength(64);
        b.HasIndex(i => new { i.ApplicationId, i.CodeHash }).IsUnique();
        b.HasOne<Domain.Applications.Application>().WithMany().HasForeignKey(i => i.ApplicationId);
    }
}
