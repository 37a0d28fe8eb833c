using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// The real portal on a real port over a fresh PostgreSQL database, demo keys made for this run
/// (their test CA pinned as the trust anchor), and the system's Chromium driven by Playwright.
public sealed class BrowserPortal : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase database = null!;
    private PortalOnKestrel portal = null!;
    private IPlaywright playwright = null!;

    public string KeysFolder { get; } = Path.Combine(Path.GetTempPath(), "oa-browser-keys-" + Guid.NewGuid().ToString("N")[..8]);
    public string BaseUrl { get; private set; } = "";
    public TestDatabase Database => database;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(KeysFolder, DemoUsers.All);
        portal = new PortalOnKestrel(database.ConnectionString, KeysFolder);
        portal.UseKestrel(0);
        portal.StartServer();
        BaseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "ru-RU", ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// Saved beside the test results for a person to look at.
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await portal.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(KeysFolder, recursive: true);
    }

    private sealed class PortalOnKestrel(string connectionString, string keysFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Hangfire:Server", "false");
            builder.UseSetting("Database:Migrate", "false");
            builder.UseSetting("DemoData:KeysFolder", keysFolder);
            builder.UseSetting("Eds:TrustAnchors:0", Path.Combine(keysFolder, DemoKeys.CaFile));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
