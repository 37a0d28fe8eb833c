using System.Diagnostics;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using OpenAlmaty.Kindergarten.Web.Jobs;

namespace OpenAlmaty.Kindergarten.Tools.Runners;

/// `dotnet OpenAlmaty.Kindergarten.Tools.dll bench-queue-snapshot --db "…" [--referred 1000] [--privileged 200]`: times
/// the daily queue-number snapshot (QueueSnapshotJob) on a generated (throw-away) database: the
/// first run (every queued application gets its first row), a day with that many referrals
/// ahead of others and privileges confirmed, and a run with nothing new. Not part of the tests.
public static class QueueSnapshotBenchmark
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "bench-queue-snapshot") return false;
        var connectionString = ToolArguments.Database("bench-queue-snapshot", args);
        var referred = ToolArguments.Int(args, "--referred", 1000);
        var privileged = ToolArguments.Int(args, "--privileged", 200);
        var clock = new MovableClock { Now = DateTimeOffset.UtcNow };
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString }).Build();
        await using var services = new ServiceCollection()
            .AddAppDbContext(connectionString)
            .AddLogging()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<QueueOrderCache>()
            .AddScoped<QueueSnapshotJob>()
            .BuildServiceProvider();
        async Task Run(string what)
        {
            await using var scope = services.CreateAsyncScope();
            var timer = Stopwatch.StartNew();
            var outcome = await scope.ServiceProvider.GetRequiredService<QueueSnapshotJob>().ExecuteAsync(CancellationToken.None);
            Console.WriteLine($"bench-queue-snapshot: {what}: {outcome.Applications} queued applications, {outcome.Changes} rows written to the history, {timer.Elapsed.TotalSeconds:F2} s");
        }
        await ExecuteAsync(connectionString, "truncate queue_snapshot, queue_number_history", []);
        await Run("first snapshot (every number is new)");
        clock.Now = clock.Now.AddDays(1);
        // The next day: children queued long ago are referred, some general children's privileges confirmed.
        await ExecuteAsync(connectionString, """
            update applications set status = @referred where id in (
                select id from applications where app_status_in_queue(status) order by random() limit @n)
            """, [new("referred", (int)Domain.Applications.ApplicationStatus.Referred), new("n", referred)]);
        await ExecuteAsync(connectionString, """
            update applications set priority_group = @first where id in (
                select id from applications where app_status_in_queue(status) and priority_group = @general order by random() limit @n)
            """, [new("first", (int)Domain.Applications.PriorityGroup.FirstPriority), new("general", (int)Domain.Applications.PriorityGroup.General), new("n", privileged)]);
        await Run($"a day later, {referred} referred and {privileged} privileges confirmed");
        await Run("the same day again (nothing new)");
        await using (var counts = NpgsqlDataSource.Create(connectionString))
        await using (var cmd = counts.CreateCommand("select pg_size_pretty(pg_total_relation_size('queue_number_history')), pg_size_pretty(pg_total_relation_size('queue_snapshot'))"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"bench-queue-snapshot: table sizes: history {reader.GetString(0)}, snapshot {reader.GetString(1)}");
        }
        return true;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, NpgsqlParameter[] parameters)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
