using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using OpenAlmaty.Kindergarten.Web.Data;
using Serilog;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

public static class PortalServices
{
    private const string LogTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {TraceId}{NewLine}{Exception}";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var connectionString = config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (scripts/run.sh sets it).");

        builder.Host.UseSerilog((context, _, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            // A request only queues its log line; one background thread formats and writes them
            // (a synchronous console write per request was ~10 % of a page's cost under load).
            // When 10,000 lines wait, requests wait too rather than lose lines.
            // {TraceId}: a log line can be found from a trace, and the other way round.
            .WriteTo.Async(a => a.Console(outputTemplate: LogTemplate), bufferSize: 10_000, blockWhenFull: true));
        builder.AddTelemetry();
        services.AddProxySupport(config);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Housekeeping>();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Statements a connection sends again and again are prepared once (PostgreSQL stops
        // parsing and planning them per request), and kept: no DISCARD ALL when a request hands
        // its connection back. The portal keeps no other session state on a connection (the one
        // advisory lock, in DatabaseSetup, is released in finally).
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString;
        services.AddAppDbContext(pooled, pooled: true);
        services.AddDataProtection()
            .SetApplicationName("OpenAlmaty.Kindergarten")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeys(config, builder.Environment);
        StartupChecks.AddStartupChecks(services);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        if (config.GetValue("Hangfire:Enabled", true))
        {
            services.AddHangfire(h => h
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
            if (config.GetValue("Hangfire:Server", true))
                services.AddHangfireServer(o => o.WorkerCount = config.GetValue("Hangfire:Workers", 2));
        }

        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddControllersWithViews(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(o =>
        {
            // Code lives by feature: Features/<Feature>/Views/<View>.cshtml.
            o.ViewLocationFormats.Insert(0, "/Features/{1}/Views/{0}.cshtml");
            o.ViewLocationFormats.Insert(1, "/Features/Shared/Views/{0}.cshtml");
        });
        services.AddPortalFeatures(config);
        return builder;
    }

    /// Requests that repeat by the second and say nothing when they succeed — the health check,
    /// the eGov Mobile waiting page's poll every 1.5 s and the app's reads — are logged at Debug
    /// (not shown at the default Information); an error or a refusal of theirs still shows, and
    /// what they decide (a signature accepted or refused) is logged where it is decided.
    internal static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsedMs, Exception? error) =>
        error is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : context.Response.StatusCode < 400 && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Path.Value is "/health" or "/login/egov/status" or "/egov/status" or "/egov/api" or "/egov/api/document"
            ? Serilog.Events.LogEventLevel.Debug
        : Serilog.Events.LogEventLevel.Information;

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseProxySupport();
        app.UseTelemetry(app.Configuration);
        // Every failure, a POST's too, shows the /error page in the person's language; only
        // development shows the exception.
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseSecurityHeaders();
        // A bare 403/404 gets a page in the person's language (Features/Home: /status/{code}).
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSerilogRequestLogging(o => o.GetLevel = RequestLogLevel);
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalFeatures();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        return app;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Database:Migrate", false)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demoData = config.GetValue("DemoData:Seed", false);
        // Demo people, their key files and the test CA exist for run.sh and the tests; a city's
        // database never gets them.
        if (demoData && app.Environment.IsProduction())
            throw new InvalidOperationException("DemoData:Seed is refused in Production: demo people and test keys are for development only.");
        await DatabaseSetup.MigrateAndSeedAsync(db, scope.ServiceProvider, demoData, app.Lifetime.ApplicationStopping);
        // The demo people's key files (and the test CA they chain to) for signing in locally.
        if (demoData)
            await Signatures.DemoKeys.EnsureAsync(config["DemoData:KeysFolder"] ?? ".data/demo-keys", Data.Seeding.DemoUsers.All);
    }
}
