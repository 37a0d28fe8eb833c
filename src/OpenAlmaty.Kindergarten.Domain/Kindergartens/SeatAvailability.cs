using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Kindergartens;

/// Free seats of one organisation for one age group (children born in <see cref="BirthYear"/>).
/// The count is taken by an atomic conditional UPDATE in the portal (see SeatLedger), never by
/// reading and writing it back, so it cannot go below zero however many parents press at once;
/// a CHECK constraint in the database says the same.
public sealed class SeatAvailability
{
    private SeatAvailability() { }

    public SeatAvailability(int organisationId, int birthYear, int freeSeats, DateTimeOffset now, string changedBy)
    {
        OrganisationId = organisationId;
        BirthYear = birthYear;
        Publish(freeSeats, null, now, changedBy);
    }

    public long Id { get; private set; }
    public int OrganisationId { get; private set; }
    public PreschoolOrganisation? Organisation { get; private set; }
    public int BirthYear { get; private set; }
    public int FreeSeats { get; private set; }

    /// For state seats: until this moment only the children offered the seat may take it.
    public DateTimeOffset? PriorityUntil { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public void Publish(int freeSeats, DateTimeOffset? priorityUntil, DateTimeOffset now, string changedBy)
    {
        if (freeSeats < 0)
            throw new DomainException("seats.negative", new("Число мест не может быть отрицательным."));
        FreeSeats = freeSeats;
        PriorityUntil = priorityUntil;
        UpdatedAt = now;
        UpdatedBy = changedBy;
    }

    /// A calendar change moved the priority window's last day on; a window is never shortened.
    public void ExtendPriority(DateTimeOffset until, DateTimeOffset now, string changedBy)
    {
        if (PriorityUntil is not { } current || until <= current) return;
        PriorityUntil = until;
        UpdatedAt = now;
        UpdatedBy = changedBy;
    }

    /// State seats: inside the priority window only the offered children may choose; after it,
    /// every queued child of that birth year may (the window holds through its last second).
    public bool IsOpenTo(bool applicationWasOffered, DateTimeOffset now) =>
        FreeSeats > 0 && (PriorityUntil is not { } until || Deadline.HasPassed(until, now) || applicationWasOffered);
}
