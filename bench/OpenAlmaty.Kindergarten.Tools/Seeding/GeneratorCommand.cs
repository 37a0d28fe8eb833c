using System.Globalization;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

/// `dotnet OpenAlmaty.Kindergarten.Tools.dll generate --db "Host=…;Database=…" --applications 100000
/// --organisations 900 --events 50000 [--seed 1]`: migrates that database, fills it with the bulk
/// generator and exits. Refused in Production and without --db (ToolArguments).
public static class GeneratorCommand
{
    public const string Verb = "generate";

    public static async Task<bool> TryRunAsync(string[] args, TextWriter? output = null, string? environment = null,
        CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] != Verb) return false;
        output ??= Console.Out;
        var connectionString = ToolArguments.Database(Verb, args, environment);
        await using (var db = AppDbContextSetup.Create(connectionString))
            await DatabaseSetup.MigrateAndSeedAsync(db, EmptyServices.Instance, demoData: false, ct);

        var result = await BulkGenerator.FillAsync(connectionString, ToolArguments.Int(args, "--applications", 100_000),
            ToolArguments.Int(args, "--organisations", 900), ToolArguments.Int(args, "--events", 50_000), ToolArguments.Int(args, "--seed", 1), ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Organisations} organisations, {result.Applications} applications, {result.Referrals} referrals, {result.Events} history events in {result.Elapsed.TotalSeconds:F1} s."));
        return true;
    }

    internal sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
