using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;

namespace OpenAlmaty.Kindergarten.Web.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<PreschoolOrganisation>
{
    public void Configure(EntityTypeBuilder<PreschoolOrganisation> b)
    {
        b.ToTable("organisations");
        b.Property(o => o.NameRu).HasMaxLength(300);
        b.Property(o => o.NameKk).HasMaxLength(300);
        b.Property(o => o.Address).HasMaxLength(400);
        b.Property(o => o.Phones).HasMaxLength(200);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Bin).HasMaxLength(12);
        b.HasIndex(o => new { o.Type, o.District });
    }
}

public sealed class SeatAvailabilityConfiguration : IEntityTypeConfiguration<SeatAvailability>
{
    public void Configure(EntityTypeBuilder<SeatAvailability> b)
    {
        b.ToTable("seats", t => t.HasCheckConstraint("ck_seats_free_non_negative", "free_seats >= 0"));
        b.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId);
        b.HasIndex(s => new { s.OrganisationId, s.BirthYear }).IsUnique();
        b.HasIndex(s => new { s.BirthYear, s.FreeSeats });
        b.Property(s => s.UpdatedBy).HasMaxLength(300);
    }
}

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Number).HasMaxLength(32);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.VerificationCode).HasMaxLength(32);
        b.HasIndex(r => r.VerificationCode).IsUnique();
        b.Property(r => r.CloseReason).HasMaxLength(1000);
        b.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        // Never two active referrals for one application, whatever the number of requests at once.
        b.HasIndex(r => r.ApplicationId).IsUnique().HasFilter(StatusSql.Is(ReferralStatus.Active)).HasDatabaseName("ux_referrals_one_active");
        b.HasIndex(r => r.ValidUntil).HasFilter(StatusSql.Is(ReferralStatus.Active)).HasDatabaseName("ix_referrals_active_deadline");
        // All referrals of one application (the application page, the history): not only the active one.
        b.HasIndex(r => new { r.ApplicationId, r.IssuedAt }).HasDatabaseName("ix_referrals_application");
        b.HasIndex(r => new { r.OrganisationId, r.Status });
        RowVersion.Map(b);
    }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.Source).HasMaxLength(500);
        b.Property(d => d.EditedBy).HasMaxLength(300);
    }
}

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.Property(s => s.Iin).HasMaxLength(12).IsFixedLength();
        b.Property(s => s.FullName).HasMaxLength(300);
        b.Property(s => s.GrantedBy).HasMaxLength(300);
        b.Property(s => s.RevokedBy).HasMaxLength(300);
        b.HasIndex(s => s.Iin);
        b.HasOne<PreschoolOrganisation>().WithMany().HasForeignKey(s => s.OrganisationId);
        b.Ignore(s => s.IsActive);
    }
}
