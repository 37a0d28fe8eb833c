using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

/// The operator's one-off command instead of serving the portal: `registry-import FILE` loads a
/// feed into the database ConnectionStrings:Default names (after migrating it) and prints the
/// counts and the time. (Made-up feeds for measuring come from the tools project.)
public static class RegistryCommand
{
    public static async Task<bool> TryRunAsync(string[] args, CancellationToken ct = default)
    {
        if (args.Length < 2 || args[0] != "registry-import") return false;
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Skip(2).ToArray()).Build();
        await using var db = AppDbContextSetup.Create(config.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."));
        await using (var services = new ServiceCollection().BuildServiceProvider())
            await DatabaseSetup.MigrateAndSeedAsync(db, services, demoData: false, ct);
        await using var feed = File.OpenRead(args[1]);
        var result = await new RegistryImport(db, TimeProvider.System).ImportAsync(feed, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Lines} lines: {result.Inserted} new, {result.Updated} changed, {result.Unchanged} unchanged, {result.Rejected.Count} rejected listed, in {result.Elapsed.TotalSeconds:F2} s."));
        foreach (var line in result.Rejected) Console.WriteLine(line);
        return true;
    }
}
