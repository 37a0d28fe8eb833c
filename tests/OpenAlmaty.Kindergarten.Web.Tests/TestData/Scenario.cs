using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Tests.TestData;

/// Small builders that write real rows through the domain's own constructors and methods.
public sealed class Scenario(AppDbContext db, DateTimeOffset now)
{
    private static int _registration;

    public async Task<Person> ParentAsync(string lastName = "ТЕСТОВА", string firstName = "АЙГЕРІМ")
    {
        var person = new Person(Iin.Parse(TestIins.Make(new DateOnly(1990, 5, 14), Sex.Female)), lastName, firstName, null);
        person.UpdateContacts("+7 701 555 12 34", "parent@example.kz", "г. Алматы, ул. Абая, 1");
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Application> ApplicationAsync(Person parent, DateOnly childBirth, Privilege privilege = Privilege.None,
        DateTimeOffset? queuedAt = null, string childName = "АЛИХАН", bool confirmPrivilege = true)
    {
        var child = new Child(Iin.Parse(TestIins.Make(childBirth)), "ТЕСТОВ", childName, null);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        var number = $"UO.{childBirth.Year}.{Interlocked.Increment(ref _registration):D6}.1";
        var application = Application.File(child, parent, number, privilege, InstructionLanguage.Kazakh, null, null,
            queuedAt ?? now, []);
        // Most tests want the privilege in force: staff confirmed its documents at filing.
        if (privilege != Privilege.None && confirmPrivilege)
            application.ConfirmPrivilege(queuedAt ?? now, "ТЕСТОВ СОТРУДНИК", "Документы проверены", null);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    public async Task<PreschoolOrganisation> OrganisationAsync(OrganisationType type = OrganisationType.PrivateStateOrder,
        string name = "Детский сад \"Золотой Дракоша\"", District district = District.Bostandyk)
    {
        var organisation = new PreschoolOrganisation(type, name, name, InstructionLanguage.English, district,
            "ул. Кожамсулова 151", "378-25-35", "http://zoltoidrakosha.satu.kz/", 43.23, 76.90);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task<SeatAvailability> SeatsAsync(PreschoolOrganisation organisation, int birthYear, int free, DateTimeOffset? priorityUntil = null)
    {
        var seats = new SeatAvailability(organisation.Id, birthYear, free, now, "тест");
        if (priorityUntil is not null) seats.Publish(free, priorityUntil, now, "тест");
        db.Seats.Add(seats);
        await db.SaveChangesAsync();
        return seats;
    }
}
