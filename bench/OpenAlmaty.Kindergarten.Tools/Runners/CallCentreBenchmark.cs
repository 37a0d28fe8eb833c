using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Tools.Seeding;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.CallCentre;

namespace OpenAlmaty.Kindergarten.Tools.Runners;

/// `dotnet OpenAlmaty.Kindergarten.Tools.dll bench-callcentre --db "…" [--applications 100000] [--searches 500] [--seed 1]`
/// on a database of its own: migrates it, fills it with the
/// bulk generator up to the number of applications, then runs the operator's search with inputs of
/// every kind taken from the data (registration numbers, child and applicant IINs, phones written
/// another way, lower-case name fragments) and prints the median and p95. Not part of the tests.
public static class CallCentreBenchmark
{
    public const string Verb = "bench-callcentre";

    public static async Task<bool> TryRunAsync(string[] args, TextWriter? output = null, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] != Verb) return false;
        output ??= Console.Out;
        var options = new Dictionary<string, int> { ["--applications"] = 100_000, ["--searches"] = 500, ["--seed"] = 1 };
        foreach (var name in options.Keys.ToList()) options[name] = ToolArguments.Int(args, name, options[name]);
        var connectionString = ToolArguments.Database(Verb, args);
        var dbOptions = AppDbContextSetup.Options(connectionString);

        await using (var db = new AppDbContext(dbOptions))
        {
            await DatabaseSetup.MigrateAndSeedAsync(db, GeneratorCommand.EmptyServices.Instance, demoData: false, ct);
            var have = await db.Applications.CountAsync(ct);
            if (have < options["--applications"])
            {
                var filled = await BulkGenerator.FillAsync(connectionString, options["--applications"] - have, 900, 50_000, options["--seed"], ct);
                await output.WriteLineAsync($"Filled {filled.Applications} applications in {filled.Elapsed.TotalSeconds:F1} s.");
            }
            await db.Database.ExecuteSqlRawAsync("analyze", ct);
            await output.WriteLineAsync($"Applications: {await db.Applications.CountAsync(ct)}");
        }

        var inputs = await InputsAsync(connectionString, options["--searches"], new Random(options["--seed"]), ct);
        var search = async (string q) =>
        {
            await using var db = new AppDbContext(dbOptions);
            return await new CallCentreSearch(db).FindAsync(q, ct);
        };
        foreach (var (_, q) in inputs.Take(50)) await search(q);

        var timings = new List<(SearchKind Kind, double Ms, int Hits)>();
        foreach (var (kind, q) in inputs)
        {
            var watch = Stopwatch.StartNew();
            var hits = await search(q);
            timings.Add((kind, watch.Elapsed.TotalMilliseconds, hits.Count));
        }
        await output.WriteLineAsync(Line("all", timings.Select(t => t.Ms).ToList(), timings.Count(t => t.Hits > 0)));
        foreach (var group in timings.GroupBy(t => t.Kind))
            await output.WriteLineAsync(Line(group.Key.ToString(), group.Select(t => t.Ms).ToList(), group.Count(t => t.Hits > 0)));
        return true;
    }

    private static string Line(string name, List<double> ms, int found)
    {
        ms.Sort();
        double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} n={ms.Count,4} found={found,4} median={At(0.5):F2} ms p95={At(0.95):F2} ms max={ms[^1]:F2} ms");
    }

    /// Each kind from real rows: a fifth registration numbers, a fifth IINs, a fifth phones, two
    /// fifths name fragments (the hardest kind).
    private static async Task<List<(SearchKind, string)>> InputsAsync(string connectionString, int count, Random random, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var sample = new List<(string Number, string ChildIin, string ApplicantIin, string? Phone, string ChildLast, string ApplicantFirst)>();
        await using (var command = new NpgsqlCommand("""
            select a.registration_number, c.iin, p.iin, p.phone, c.last_name, p.first_name
            from applications a join children c on c.id = a.child_id join people p on p.id = a.applicant_id
            order by random() limit @n
            """, connection))
        {
            command.Parameters.AddWithValue("n", count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                sample.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetString(5)));
        }
        var inputs = new List<(SearchKind, string)>();
        for (var i = 0; i < sample.Count; i++)
        {
            var s = sample[i];
            inputs.Add((i % 5) switch
            {
                0 => (SearchKind.RegistrationNumber, s.Number.ToLowerInvariant()),
                1 => (SearchKind.Iin, random.Next(2) == 0 ? s.ChildIin : s.ApplicantIin),
                2 when s.Phone is not null => (SearchKind.Phone, "8 " + new string(s.Phone.Where(char.IsAsciiDigit).ToArray())[^10..]),
                3 => (SearchKind.Name, Fragment(s.ChildLast, random)),
                _ => (SearchKind.Name, Fragment(s.ApplicantFirst, random) + " " + Fragment(s.ChildLast, random)),
            });
        }
        return inputs;
    }

    private static string Fragment(string name, Random random)
    {
        var length = Math.Min(name.Length, random.Next(3, 7));
        return name.Substring(random.Next(name.Length - length + 1), length).ToLowerInvariant();
    }
}
