using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.FreeSeats;

public sealed class FreeSeatsOptions
{
    /// How long one answer is served from memory: bots polling the page reach the database at
    /// most once per filter combination in this time.
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed record FreeSeatsFilter(District? District, int? BirthYear, InstructionLanguage? Language, OrganisationType? Type);

public sealed record FreeSeatsGroup(District District, int BirthYear, InstructionLanguage Language, OrganisationType Type, int Organisations, int Seats);

public sealed record FreeSeatsOrganisation(int Id, string NameRu, string NameKk, District District, OrganisationType Type,
    InstructionLanguage Language, string Address, int BirthYear, int Seats);

public sealed record FreeSeatsPage(FreeSeatsFilter Filter, IReadOnlyList<FreeSeatsGroup> Groups,
    IReadOnlyList<FreeSeatsOrganisation> Organisations, IReadOnlyList<int> BirthYears, DateTimeOffset AsOf);

/// Free seats of active organisations, no personal data, from memory for a short while.
public sealed class FreeSeatsQuery(AppDbContext db, IMemoryCache cache, IOptions<FreeSeatsOptions> options, TimeProvider clock)
{
    public async Task<FreeSeatsPage> GetAsync(FreeSeatsFilter filter, CancellationToken ct)
    {
        var key = $"free-seats:{filter.District}:{filter.BirthYear}:{filter.Language}:{filter.Type}";
        if (cache.TryGetValue(key, out FreeSeatsPage? cached) && cached is not null) return cached;
        var seats = db.Seats.AsNoTracking().Where(s => s.FreeSeats > 0 && s.Organisation!.IsActive);
        if (filter.District is { } d) seats = seats.Where(s => s.Organisation!.District == d);
        if (filter.BirthYear is { } y) seats = seats.Where(s => s.BirthYear == y);
        if (filter.Language is { } l) seats = seats.Where(s => s.Organisation!.Language == l);
        if (filter.Type is { } t) seats = seats.Where(s => s.Organisation!.Type == t);
        var groups = await seats
            .GroupBy(s => new { s.Organisation!.District, s.BirthYear, s.Organisation.Language, s.Organisation.Type })
            .Select(g => new FreeSeatsGroup(g.Key.District, g.Key.BirthYear, g.Key.Language, g.Key.Type, g.Count(), g.Sum(s => s.FreeSeats)))
            .ToListAsync(ct);
        // The city-wide page is the summary only (a few KB instead of every organisation: a parent
        // on a phone and a polling bot both get it fast); the list comes with a chosen district.
        var organisations = filter.District is null ? [] : await seats.OrderBy(s => s.Organisation!.NameRu).ThenBy(s => s.BirthYear).Take(300)
            .Select(s => new FreeSeatsOrganisation(s.OrganisationId, s.Organisation!.NameRu, s.Organisation.NameKk, s.Organisation.District,
                s.Organisation.Type, s.Organisation.Language, s.Organisation.Address, s.BirthYear, s.FreeSeats))
            .ToListAsync(ct);
        var years = await db.Seats.AsNoTracking().Where(s => s.FreeSeats > 0).Select(s => s.BirthYear).Distinct().OrderBy(y => y).ToListAsync(ct);
        var page = new FreeSeatsPage(filter,
            groups.OrderBy(g => g.District).ThenBy(g => g.BirthYear).ThenBy(g => g.Type).ThenBy(g => g.Language).ToList(),
            organisations, years, clock.GetUtcNow());
        cache.Set(key, page, options.Value.CacheFor);
        return page;
    }
}
