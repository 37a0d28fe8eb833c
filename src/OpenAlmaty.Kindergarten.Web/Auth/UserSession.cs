using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenAlmaty.Kindergarten.Web.Auth;

/// A signed-in session the server can end: the auth cookie carries only its id. Logout, and any
/// change to the person's staff grants, end it at once; whatever an old cookie says, a request
/// is signed in only while its row is open (issue 17, cases 9 and 10).
public sealed class UserSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private UserSession() { }

    public UserSession(long personId, string iin, string? employerBin, DateTimeOffset now)
    {
        Id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        PersonId = personId;
        Iin = iin;
        EmployerBin = employerBin;
        StartedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public string Id { get; private set; } = "";
    public long PersonId { get; private set; }
    public string Iin { get; private set; } = "";

    /// Set when the person signed in with an employee certificate: the session then carries only
    /// the staff grants of the organisation with this BIN, and no parent role.
    public string? EmployerBin { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedBecause { get; private set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Iin).HasMaxLength(12);
        b.Property(s => s.EmployerBin).HasMaxLength(12);
        b.Property(s => s.EndedBecause).HasMaxLength(40);
        b.HasIndex(s => s.Iin).HasFilter("ended_at IS NULL");
        b.HasIndex(s => s.ExpiresAt);
    }
}
