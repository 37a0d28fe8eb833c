using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.Seats;

/// Who changed the free seats of an organisation and age group, when, and from what to what.
public sealed class SeatChange
{
    private SeatChange() { }

    public SeatChange(int organisationId, int birthYear, int freeSeatsBefore, int freeSeatsAfter, DateTimeOffset? priorityUntil,
        int offered, DateTimeOffset changedAt, string changedBy)
    {
        OrganisationId = organisationId;
        BirthYear = birthYear;
        FreeSeatsBefore = freeSeatsBefore;
        FreeSeatsAfter = freeSeatsAfter;
        PriorityUntil = priorityUntil;
        Offered = offered;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
    }

    public long Id { get; private set; }
    public int OrganisationId { get; private set; }
    public int BirthYear { get; private set; }
    public int FreeSeatsBefore { get; private set; }
    public int FreeSeatsAfter { get; private set; }

    /// State seats: the end of the priority window this publication opened.
    public DateTimeOffset? PriorityUntil { get; private set; }

    /// How many queued children were offered a seat by this publication.
    public int Offered { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
}

public sealed class SeatChangeConfiguration : IEntityTypeConfiguration<SeatChange>
{
    public void Configure(EntityTypeBuilder<SeatChange> b)
    {
        b.ToTable("seat_changes");
        b.Property(c => c.ChangedBy).HasMaxLength(300);
        b.HasOne<PreschoolOrganisation>().WithMany().HasForeignKey(c => c.OrganisationId);
        b.HasIndex(c => new { c.OrganisationId, c.ChangedAt });
    }
}
