using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Cabinet;

/// What "nothing changed" is checked against: the application, its history and access, the
/// referrals, the seats and the signed requests used.
public sealed record CabinetState(ApplicationStatus Status, int Events, int Access, int Referrals, int FreeSeats, int UsedRequests);

/// Rows for the cabinet's tests, written through the domain (Scenario) for the demo parents.
public static class CabinetData
{
    /// PortalFactory's clock is 25.11.2026: this child is over 3, the other under 3 (3 on 10.05.2027).
    public static readonly DateOnly Over3 = new(2022, 3, 1);
    public static readonly DateOnly Under3 = new(2024, 5, 10);

    public static async Task<Person> ParentAsync(AppDbContext db, DemoUser user)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Iin == user.Iin);
        if (person is not null) return person;
        person = new Person(Iin.Parse(user.Iin), user.LastName, user.FirstName, user.MiddleName);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// An application of the demo parent's child, queued now.
    public static async Task<Application> ApplicationAsync(PortalFactory portal, DemoUser parent, DateOnly? childBirth = null)
    {
        await using var db = portal.Database.CreateContext();
        var scenario = new Scenario(db, portal.Clock.GetUtcNow());
        return await scenario.ApplicationAsync(await ParentAsync(db, parent), childBirth ?? Over3);
    }

    /// A private kindergarten (state order) with free seats for children born in that year.
    public static async Task<int> PrivateKindergartenAsync(PortalFactory portal, int birthYear, int free, string name = "Детский сад \"Золотой Дракоша\"")
    {
        await using var db = portal.Database.CreateContext();
        var scenario = new Scenario(db, portal.Clock.GetUtcNow());
        var organisation = await scenario.OrganisationAsync(OrganisationType.PrivateStateOrder, name);
        await scenario.SeatsAsync(organisation, birthYear, free);
        return organisation.Id;
    }

    public static async Task<long> DocumentAsync(PortalFactory portal, long applicationId)
    {
        await using var db = portal.Database.CreateContext();
        var document = new ApplicationDocument(applicationId, DocumentKind.Other, "Справка", "spravka.pdf", "application/pdf",
            "%PDF-1.4 test"u8.ToArray(), portal.Clock.GetUtcNow(), null);
        db.ApplicationDocuments.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    }

    public static async Task<int> FreeSeatsAsync(TestDatabase database, int organisationId)
    {
        await using var db = database.CreateContext();
        return await db.Seats.Where(s => s.OrganisationId == organisationId).SumAsync(s => s.FreeSeats);
    }

    public static async Task SetFreeSeatsAsync(TestDatabase database, int organisationId, int free)
    {
        await using var db = database.CreateContext();
        await db.Seats.Where(s => s.OrganisationId == organisationId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FreeSeats, free));
    }

    public static async Task<CabinetState> StateAsync(TestDatabase database, long applicationId)
    {
        await using var db = database.CreateContext();
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.Status, Events = a.Events.Count, Access = a.Access.Count })
            .SingleAsync();
        return new CabinetState(application.Status, application.Events, application.Access,
            await db.Referrals.CountAsync(r => r.ApplicationId == applicationId),
            await db.Seats.SumAsync(s => s.FreeSeats),
            await db.Set<SignedRequest>().CountAsync(r => r.UsedAt != null));
    }

    public static async Task<bool> IsUsedAsync(TestDatabase database, Guid requestId)
    {
        await using var db = database.CreateContext();
        return await db.Set<SignedRequest>().Where(r => r.Id == requestId).Select(r => r.UsedAt != null).SingleAsync();
    }

    public static async Task<int> SignedRequestCountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Set<SignedRequest>().CountAsync();
    }

    public static async Task<string> ChildIinAsync(TestDatabase database, long applicationId)
    {
        await using var db = database.CreateContext();
        return await db.Applications.Where(a => a.Id == applicationId).Select(a => a.Child!.Iin).SingleAsync();
    }

    public static async Task<int> ApplicationsOfChildAsync(TestDatabase database, string childIin)
    {
        await using var db = database.CreateContext();
        return await db.Applications.CountAsync(a => a.Child!.Iin == childIin);
    }

    /// The fields of "Постановка на очередь" for a child with this IIN.
    public static Dictionary<string, string> NewChild(string iin) => new()
    {
        ["ChildIin"] = iin, ["LastName"] = "МАНСУРҰЛЫ", ["FirstName"] = "ТИМУР", ["MiddleName"] = "",
        ["Privilege"] = nameof(Privilege.None), ["Language"] = nameof(InstructionLanguage.Kazakh),
        ["District"] = nameof(District.Almaly),
    };
}
