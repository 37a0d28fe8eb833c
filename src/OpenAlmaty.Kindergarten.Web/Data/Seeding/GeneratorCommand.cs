using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// `dotnet OpenAlmaty.Kindergarten.Web.dll generate --applications 100000 --organisations 900 --events 50000 [--seed 1]`:
/// migrates the database that ConnectionStrings:Default names, fills it with the bulk generator
/// and exits instead of serving the portal. Other arguments are configuration, as for the portal.
public static class GeneratorCommand
{
    public const string Verb = "generate";

    public static async Task<bool> TryRunAsync(string[] args, TextWriter? output = null, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] != Verb) return false;
        output ??= Console.Out;
        var options = new Dictionary<string, int> { ["--applications"] = 100_000, ["--organisations"] = 900, ["--events"] = 50_000, ["--seed"] = 1 };
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (options.ContainsKey(args[i]) && i + 1 < args.Length)
                options[args[i]] = int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture);
            else rest.Add(args[i]);
        }
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        var connectionString = config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");

        var dbOptions = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention().Options;
        await using (var db = new AppDbContext(dbOptions))
            await DatabaseSetup.MigrateAndSeedAsync(db, EmptyServices.Instance, demoData: false, ct);

        var result = await BulkGenerator.FillAsync(connectionString, options["--applications"], options["--organisations"], options["--events"],
            options["--seed"], ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Organisations} organisations, {result.Applications} applications, {result.Referrals} referrals, {result.Events} history events in {result.Elapsed.TotalSeconds:F1} s."));
        return true;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
