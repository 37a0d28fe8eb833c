using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

/// Shared steps of the staff journeys: grants, signing in with a key file, data through the domain.
internal static class StaffJourney
{
    private static int _serial = 7000;

    public static async Task GrantAsync(BrowserPortal portal, DemoUser user, StaffRole role)
    {
        await using var db = portal.Database.CreateContext();
        if (await db.StaffMembers.AnyAsync(s => s.Iin == user.Iin && s.Role == role && s.RevokedAt == null)) return;
        db.StaffMembers.Add(new StaffMember(user.Iin, $"{user.LastName} {user.FirstName} {user.MiddleName}", role, null, null, DateTimeOffset.UtcNow, "test"));
        await db.SaveChangesAsync();
    }

    public static async Task<IPage> SignInAsync(BrowserPortal portal, DemoUser user)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Место хранения ключа").SelectOptionAsync("file");
        await page.GetByLabel("Файл ключа (AUTH_RSA_….p12)").SetInputFilesAsync(DemoKeys.AuthenticationFile(portal.KeysFolder, user));
        await page.GetByLabel("Пароль ключа").FillAsync(DemoUsers.KeyPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/login", StringComparison.Ordinal));
        return page;
    }

    /// A queued application of a child born in 2022 (3+ years old), filed by the demo person.
    public static async Task<Application> ApplicationAsync(BrowserPortal portal, DemoUser parent, string childLast, string childFirst, string? phone = null)
    {
        await using var db = portal.Database.CreateContext();
        var person = await db.People.SingleOrDefaultAsync(p => p.Iin == parent.Iin);
        if (person is null)
        {
            person = new Person(Iin.Parse(parent.Iin), parent.LastName, parent.FirstName, parent.MiddleName);
            db.People.Add(person);
        }
        if (phone is not null) person.UpdateContacts(phone, null, null);
        var child = new Child(Iin.Parse(ChildIin(new DateOnly(2022, 2, 14))), childLast, childFirst, null);
        db.Children.Add(child);
        await db.SaveChangesAsync();
        var application = Application.File(child, person, $"UO.2022.{Interlocked.Increment(ref _serial):D6}.1", Privilege.None,
            InstructionLanguage.Kazakh, null, null, DateTimeOffset.UtcNow.AddDays(-300), []);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    public static async Task PublishSeatsAsync(BrowserPortal portal, int organisationId, int birthYear, int seats)
    {
        await using var db = portal.Database.CreateContext();
        db.Seats.Add(new SeatAvailability(organisationId, birthYear, seats, DateTimeOffset.UtcNow, "test"));
        await db.SaveChangesAsync();
    }

    private static string ChildIin(DateOnly birth)
    {
        while (true)
        {
            var eleven = $"{birth:yyMMdd}5{Interlocked.Increment(ref _serial) % 10000:D4}";
            if (Iin.CheckDigit(eleven + "0") is { } check) return eleven + check;
        }
    }
}
