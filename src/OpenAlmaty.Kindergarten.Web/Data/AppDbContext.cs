using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Domain.Staff;

namespace OpenAlmaty.Kindergarten.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationAccess> ApplicationAccess => Set<ApplicationAccess>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<StopListEntry> StopListEntries => Set<StopListEntry>();
    public DbSet<PreschoolOrganisation> Organisations => Set<PreschoolOrganisation>();
    public DbSet<SeatAvailability> Seats => Set<SeatAvailability>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<ReleasePool> ReleasePools => Set<ReleasePool>();
    public DbSet<ReleaseRequest> ReleaseRequests => Set<ReleaseRequest>();
    public DbSet<ReleaseOffer> ReleaseOffers => Set<ReleaseOffer>();
    public DbSet<ReleaseWaitingEntry> ReleaseWaitingEntries => Set<ReleaseWaitingEntry>();
    public DbSet<QueueSnapshotEntry> QueueSnapshot => Set<QueueSnapshotEntry>();
    public DbSet<QueueNumberRecord> QueueNumberHistory => Set<QueueNumberRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>("registration_number_seq");
        modelBuilder.HasSequence<long>("referral_number_seq");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
