using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Choose;

/// "Список доступных дошкольных организаций": organisations of one type with a free seat for the
/// child's age group, that this application may take now.
public sealed class PickerQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<List<OrganisationCard>> AvailableAsync(int birthYear, OrganisationType type, bool offeredStateSeat,
        PickerFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seats = db.Seats.AsNoTracking()
            .Where(s => s.BirthYear == birthYear && s.FreeSeats > 0 && s.Organisation!.IsActive && s.Organisation.Type == type);
        if (type == OrganisationType.State)
            seats = seats.Where(s => s.PriorityUntil == null || s.PriorityUntil < now || offeredStateSeat);
        if (filter.District is { } district) seats = seats.Where(s => s.Organisation!.District == district);
        if (filter.Language is { } language) seats = seats.Where(s => s.Organisation!.Language == language);
        if (filter.Pattern is { } pattern)
        {
            seats = seats.Where(s => EF.Functions.ILike(s.Organisation!.NameRu, pattern) || EF.Functions.ILike(s.Organisation!.NameKk, pattern)
                || EF.Functions.ILike(s.Organisation!.Address, pattern));
        }
        return await seats
            .OrderBy(s => s.Organisation!.NameRu)
            .Select(s => new OrganisationCard(s.OrganisationId, s.Organisation!.NameRu, s.Organisation.NameKk, s.Organisation.Type,
                s.Organisation.Language, s.Organisation.District, s.Organisation.Address, s.Organisation.Phones, s.Organisation.Website,
                s.Organisation.Latitude, s.Organisation.Longitude, s.FreeSeats))
            .Take(500)
            .ToListAsync(ct);
    }

    public Task<bool> AnySeatLeftAsync(int organisationId, int birthYear, CancellationToken ct) =>
        db.Seats.AnyFreeAsync(organisationId, birthYear, ct);

    public sealed record ApplicationSummary(long Id, string RegistrationNumber, string ChildName, int BirthYear, DateOnly BirthDate,
        ApplicationStatus Status, DateTimeOffset? StopListedUntil, DateTimeOffset? OfferedUntil);

    public Task<ApplicationSummary?> ApplicationAsync(long applicationId, long personId, CancellationToken ct) =>
        ApplicationOf(db, applicationId, personId, ct);

    /// Compiled once: every signed action and the release pages begin with this access check.
    private static readonly Func<AppDbContext, long, long, CancellationToken, Task<ApplicationSummary?>> ApplicationOf =
        EF.CompileAsyncQuery((AppDbContext db, long applicationId, long personId, CancellationToken ct) =>
            db.Applications.AsNoTracking()
                .Where(a => a.Id == applicationId && a.Access.Any(x => x.PersonId == personId))
                .Select(a => new ApplicationSummary(a.Id, a.RegistrationNumber, a.Child!.LastName + " " + a.Child.FirstName,
                    a.BirthYear, a.Child.BirthDate, a.Status, a.StopListedUntil, a.OfferedUntil))
                .SingleOrDefault());
}
