using System.Text.RegularExpressions;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Rules;

/// "No literal application status number in SQL": a status compared with a number written into
/// the SQL is a second copy of the enum, and it drifts. SQL takes the values as parameters or
/// from the functions the migration generates from the enum (W2RulesSql).
public sealed partial class SqlStatusLiteralTests
{
    // status = 3, a.status <> 1, r.status in (1, 2), status = case … then 5, from_status/to_status with a number.
    [GeneratedRegex(@"(?i)\b(?:\w+\.)?(?:from_|to_)?status\s*(?:=|<>|!=|in\s*\()\s*(?:case\b[^;]*?\bthen\s+)?\d", RegexOptions.Singleline)]
    private static partial Regex StatusLiteral();

    [Fact]
    public void SourceSql_HasNoLiteralStatusNumber()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                // An index predicate in an EF-generated migration is DDL that EF writes from the
                // configuration (where it is built from the enum); PostgreSQL needs it literal there.
                if (IsGeneratedMigration(file) && line.TrimStart().StartsWith("filter:", StringComparison.Ordinal)) continue;
                if (line.TrimStart().StartsWith("///", StringComparison.Ordinal) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                if (StatusLiteral().IsMatch(line)) found.Add($"{Path.GetRelativePath(Root, file)}:{i + 1}: {line.Trim()}");
            }
        }
        Assert.True(found.Count == 0, "Literal status numbers in SQL:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Scanner_FindsALiteralStatus_WhenOneIsWritten()
    {
        // The scan can fail: each shape it must catch.
        Assert.All(new[] { "where status in (1, 2)", "and a.status = 3", "r.status <> 1", "status = case when x then 5 else 1 end", "to_status = 2" },
            sql => Assert.Matches(StatusLiteral(), sql));
        Assert.DoesNotMatch(StatusLiteral(), "where status = any(@in_queue) and a.status = @referred");
    }

    [Fact]
    public async Task DatabaseFunctionsAndTriggers_HaveNoLiteralStatusNumber()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var found = new List<string>();
        await using (var command = new NpgsqlCommand("""
            select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'public' and p.proname not like 'app\_status\_%'
            union all
            select t.tgname, pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
            join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                if (StatusLiteral().IsMatch(reader.GetString(1))) found.Add(reader.GetString(0));
        }
        Assert.True(found.Count == 0, "Literal status numbers in the database's functions and triggers: " + string.Join(", ", found));

        // The generated functions say what the enum says, value by value.
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            await using var check = new NpgsqlCommand("select app_status_in_queue(@s)", connection);
            check.Parameters.AddWithValue("s", (int)status);
            Assert.Equal(status.IsInQueue(), (bool)(await check.ExecuteScalarAsync())!);
        }
    }

    /// Applications and referrals carry xmin as their row version (decision 0007): raw SQL that
    /// loads them as entities must name it, or the load fails at run time ("o.xmin does not exist").
    [Fact]
    public void SourceSql_LoadingApplicationsOrReferralsAsEntities_SelectsTheRowVersion()
    {
        var offenders = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"FromSql\w*\(\$?""select \* from (applications|referrals)\b"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Raw SQL loads applications or referrals without xmin:\n" + string.Join("\n", offenders));
    }

    private static readonly string Root = FindRoot();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.EndsWith(".Designer.cs", StringComparison.Ordinal)
                        && !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal));

    private static bool IsGeneratedMigration(string file) =>
        Regex.IsMatch(Path.GetFileName(file), @"^\d{14}_\w+\.cs$");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenAlmaty.Kindergarten.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root was not found.");
    }
}
