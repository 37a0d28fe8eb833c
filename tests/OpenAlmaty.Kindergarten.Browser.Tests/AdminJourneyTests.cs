using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_AddsOrganisationWithCoordinatesAndSeatsArePublished_ParentsPickerShowsIt()
    {
        await StaffJourney.GrantAsync(portal, DemoUsers.Education, StaffRole.EducationStaff);
        var application = await StaffJourney.ApplicationAsync(portal, DemoUsers.Parent1, "МАНСУРҰЛЫ", "НҰРСҰЛТАН");
        var staff = await StaffJourney.SignInAsync(portal, DemoUsers.Education);

        await staff.GotoAsync("/admin/organisations");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Добавить организацию" }).ClickAsync();
        await staff.GetByLabel("Наименование (рус.)").FillAsync("Детский сад «Күншуақ»");
        await staff.GetByLabel("Наименование (каз.)").FillAsync("«Күншуақ» балабақшасы");
        await staff.GetByLabel("Тип").SelectOptionAsync("PrivateStateOrder");
        await staff.GetByLabel("Язык обучения").SelectOptionAsync("Kazakh");
        await staff.GetByLabel("Район").SelectOptionAsync("Turksib");
        await staff.GetByLabel("Адрес").FillAsync("ул. Сейфуллина, 10");
        await staff.GetByLabel("Телефоны").FillAsync("8 727 000 00 00");
        // Without a tile server (the default) the form has no map and asks for the coordinates typed.
        await Expect(staff.Locator("#org-map")).ToHaveCountAsync(0);
        await staff.GetByLabel("Широта").FillAsync("43.2700");
        await staff.GetByLabel("Долгота").FillAsync("76.9300");
        await BrowserPortal.ScreenshotAsync(staff, "admin-organisation-new");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Организация добавлена.");
        var organisationId = int.Parse(staff.Url.Split('/')[^1]);
        await StaffJourney.PublishSeatsAsync(portal, organisationId, 2022, 2);

        var parent = await StaffJourney.SignInAsync(portal, DemoUsers.Parent1);
        // The list is paged: the parent finds it by name, as a parent would.
        await parent.GotoAsync($"/applications/{application.Id}/private?q=" + Uri.EscapeDataString("Күншуақ"));

        await Expect(parent.GetByText("Детский сад «Күншуақ»").First).ToBeVisibleAsync();
        await using var db = portal.Database.CreateContext();
        var saved = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        Assert.Equal(District.Turksib, saved.District);
        Assert.InRange(saved.Latitude!.Value, 43.0, 43.5);
    }

    [Fact]
    public async Task Staff_LiftsStopListWithReason_HistoryShowsItWithStaffName()
    {
        await StaffJourney.GrantAsync(portal, DemoUsers.Education, StaffRole.EducationStaff);
        var application = await StaffJourney.ApplicationAsync(portal, DemoUsers.Parent1, "ӘБДІҚАДЫР", "ТОМИРИС");
        await using (var db = portal.Database.CreateContext())
        {
            var organisation = new PreschoolOrganisation(OrganisationType.PrivateStateOrder, "Сад для стоп-листа", "Стоп-парақ бақшасы",
                InstructionLanguage.Russian, District.Almaly, "ул. Абая, 5", "1", null, 43.24, 76.9);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            var issued = DateTimeOffset.UtcNow.AddDays(-12);
            var referral = tracked.IssueReferral(organisation, $"R.2026.{Random.Shared.Next(100000, 999999)}", Guid.NewGuid().ToString("N")[..16],
                issued, issued.AddDays(7), "тест", null);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            tracked.ExpireReferral(referral, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(14));
            await db.SaveChangesAsync();
        }
        var staff = await StaffJourney.SignInAsync(portal, DemoUsers.Education);

        await staff.GotoAsync($"/admin/applications/{application.Id}");
        await staff.Locator("#reason-lift-stop-list").FillAsync("Ребёнок болел, справка № 17");
        await BrowserPortal.ScreenshotAsync(staff, "admin-application");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Снять стоп-лист" }).ClickAsync();

        await Expect(staff.Locator(".alert-success")).ToHaveTextAsync("Сделано: снять стоп-лист.");
        var latest = staff.Locator("#history li").First;
        await Expect(latest).ToContainTextAsync("Стоп-лист снят: Ребёнок болел, справка № 17");
        await Expect(latest).ToContainTextAsync("ЖАНДОСОВА ГУЛЬНАРА АСКАРОВНА");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Снять стоп-лист" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_MainScreens_Render()
    {
        await StaffJourney.GrantAsync(portal, DemoUsers.Admin, StaffRole.Administrator);
        var admin = await StaffJourney.SignInAsync(portal, DemoUsers.Admin);

        foreach (var (path, heading, shot) in new[]
        {
            ("/admin/queue", "Очередь", "admin-queue"), ("/admin/calendar?year=2026", "Календарь рабочих дней 2026", "admin-calendar"),
            ("/admin/reports", "Отчёты", "admin-reports"), ("/admin/staff", "Учётные записи сотрудников", "admin-staff"),
            ("/free-seats", "Свободные места в детских садах Алматы", "free-seats"),
        })
        {
            await admin.GotoAsync(path);
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
            await BrowserPortal.ScreenshotAsync(admin, shot);
        }
    }
}
