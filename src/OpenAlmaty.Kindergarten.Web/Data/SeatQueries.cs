using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Data;

public static class SeatQueries
{
    /// "Any free seat left?" for one organisation and birth year: the cheap look the press takes
    /// before the signature and the seat transaction takes again after its row lock.
    public static Task<bool> AnyFreeAsync(this IQueryable<SeatAvailability> seats, int organisationId, int birthYear, CancellationToken ct) =>
        seats.AnyAsync(s => s.OrganisationId == organisationId && s.BirthYear == birthYear && s.FreeSeats > 0, ct);
}
