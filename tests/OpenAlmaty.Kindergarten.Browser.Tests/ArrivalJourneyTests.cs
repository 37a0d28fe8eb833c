using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenAlmaty.Kindergarten.Browser.Tests;

/// The kindergarten confirms that a referred child arrived; the parent then sees "Зачислен".
/// Its own portal (BrowserPortal keeps its database to itself), made the same way.
public sealed class ArrivalJourneyTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string keys = Path.Combine(Path.GetTempPath(), "oa-arrival-keys-" + Guid.NewGuid().ToString("N")[..8]);
    private TestDatabase database = null!;
    private Portal portal = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private string baseUrl = "";
    private long applicationId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(keys, [DemoUsers.Kindergarten, DemoUsers.Parent1]);
        applicationId = await SeedAsync();
        portal = new Portal(database.ConnectionString, keys);
        portal.UseKestrel(0);
        portal.StartServer();
        baseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await portal.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }

    [Fact]
    public async Task Arrival_KindergartenConfirms_ParentSeesEnrolled()
    {
        var staff = await SignInAsync(DemoUsers.Kindergarten);
        await staff.GotoAsync("/kindergarten");
        var row = staff.Locator("tr", new() { HasText = "ДИАНА" });
        await Expect(row).ToContainTextAsync("R.2026.900001");
        await ScreenshotAsync(staff, "kindergarten-referrals");
        await row.GetByRole(AriaRole.Button, new() { Name = "Ребёнок прибыл — зачислить" }).ClickAsync();

        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Зачисление подтверждено");
        await Expect(staff.Locator("[data-group=used]")).ToContainTextAsync("R.2026.900001");
        await ScreenshotAsync(staff, "kindergarten-arrival-confirmed");

        var parent = await SignInAsync(DemoUsers.Parent1);
        await parent.GotoAsync($"/applications/{applicationId}");
        await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Зачислен");
    }

    private async Task<IPage> SignInAsync(DemoUser user)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "ru-RU", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Место хранения ключа").SelectOptionAsync("file");
        await page.GetByLabel("Файл ключа (AUTH_RSA_….p12)").SetInputFilesAsync(DemoKeys.AuthenticationFile(keys, user));
        await page.GetByLabel("Пароль ключа").FillAsync(DemoUsers.KeyPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти в личный кабинет" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// A parent's queued child with an active referral to the staff member's kindergarten.
    private async Task<long> SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = database.CreateContext();
        var organisation = new PreschoolOrganisation(OrganisationType.PrivateStateOrder, "Детский сад \"Айгөлек\"", "\"Айгөлек\" балабақшасы",
            InstructionLanguage.Kazakh, District.Bostandyk, "ул. Тимирязева 15", "378-25-35", null, 43.22, 76.91);
        var parent = new Person(Iin.Parse(DemoUsers.Parent1.Iin), DemoUsers.Parent1.LastName, DemoUsers.Parent1.FirstName, DemoUsers.Parent1.MiddleName);
        var child = new Child(Iin.Parse("210915510008"), "МАНСУРҰЛЫ", "ДИАНА", null);
        db.AddRange(organisation, parent, child);
        await db.SaveChangesAsync();
        db.StaffMembers.Add(new StaffMember(DemoUsers.Kindergarten.Iin, "ОМАРОВ ДАНИЯР", StaffRole.KindergartenStaff, null, organisation.Id, now, "тест"));
        var application = Application.File(child, parent, "UO.2021.900001.1", Privilege.None, InstructionLanguage.Kazakh, null, null, now.AddYears(-1), []);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        db.Referrals.Add(application.IssueReferral(organisation, "R.2026.900001", "BROWSER001", now.AddHours(-1), now.AddDays(5), "родитель", null));
        await db.SaveChangesAsync();
        return application.Id;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private sealed class Portal(string connectionString, string keysFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Hangfire:Server", "false");
            builder.UseSetting("Database:Migrate", "false");
            builder.UseSetting("DemoData:KeysFolder", keysFolder);
            builder.UseSetting("Eds:TrustAnchors:0", Path.Combine(keysFolder, DemoKeys.CaFile));
            // The relaxations the journeys rely on, set explicitly (off unless set): the in-page
            // key-file signer, the demo CA (NCALayer is asked for any chain), plain-http cookies.
            builder.UseSetting("Eds:AllowKeyFileSigning", "true");
            builder.UseSetting("Eds:TrustDevelopmentCa", "true");
            builder.UseSetting("Auth:AllowInsecureCookies", "true");
        }
    }
}
