using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CallCentreJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Operator_FindsByKazakhNameFragmentAndByPhone_AuditLogShowsTheLookUp()
    {
        await StaffJourney.GrantAsync(portal, DemoUsers.Operator, StaffRole.CallCentreOperator);
        await StaffJourney.GrantAsync(portal, DemoUsers.Admin, StaffRole.Administrator);
        // An applicant no other journey files for: the phone search must find exactly this one
        // application (the release journey files a second one for the demo parents).
        var application = await StaffJourney.ApplicationAsync(portal, DemoUsers.Kindergarten, "ҚҰДАЙБЕРГЕНҰЛЫ", "ӘМІРЖАН", "+7 (705) 987-65-43");
        var op = await StaffJourney.SignInAsync(portal, DemoUsers.Operator);

        await op.GotoAsync("/callcentre");
        await op.GetByLabel("Номер заявления, ИИН ребёнка или заявителя, ФИО (любая часть) или телефон").FillAsync("құдайберген");
        await op.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(application.RegistrationNumber);
        await Expect(op.Locator("#summary")).ToContainTextAsync("ҚҰДАЙБЕРГЕНҰЛЫ ӘМІРЖАН");
        await Expect(op.Locator("#summary")).Not.ToContainTextAsync("987-65-43");
        await BrowserPortal.ScreenshotAsync(op, "callcentre-summary");

        await op.GotoAsync("/callcentre");
        await op.GetByLabel("Номер заявления, ИИН ребёнка или заявителя, ФИО (любая часть) или телефон").FillAsync("8 705 987 65 43");
        await op.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(application.RegistrationNumber);
        await op.GetByRole(AriaRole.Button, new() { Name = "Показать ИИН и телефоны" }).ClickAsync();
        await Expect(op.Locator("#summary")).ToContainTextAsync("+7 (705) 987-65-43");

        var admin = await StaffJourney.SignInAsync(portal, DemoUsers.Admin);
        await admin.GotoAsync("/admin/audit?registrationNumber=" + Uri.EscapeDataString(application.RegistrationNumber));
        var log = admin.Locator("#audit");
        await Expect(log).ToContainTextAsync("callcentre.search");
        await Expect(log).ToContainTextAsync("Name: «құдайберген» → 1");
        await Expect(log).ToContainTextAsync("Phone: «8 705 987 65 43» → 1");
        await Expect(log).ToContainTextAsync("application.reveal");
        await Expect(log).ToContainTextAsync("СЕЙТКАЛИЕВА АСЕЛЬ МУРАТОВНА");
        await BrowserPortal.ScreenshotAsync(admin, "admin-audit");
    }
}
