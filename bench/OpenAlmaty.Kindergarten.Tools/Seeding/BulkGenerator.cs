using System.Diagnostics;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

/// Fills a migrated database to a given size for benchmarks: rows made in memory (BulkPlan),
/// then written with binary COPY in one transaction, then the id and number sequences moved
/// past them. Adds to what is there; the same seed gives the same city.
public static class BulkGenerator
{
    public sealed record Result(int Organisations, int Applications, int Events, int Referrals, TimeSpan Elapsed);

    public static Task<Result> FillAsync(string connectionString, int applications, int organisations, int historyEvents, int seed,
        CancellationToken ct) => FillAsync(connectionString, applications, organisations, historyEvents, seed, DateTimeOffset.UtcNow, ct);

    public static async Task<Result> FillAsync(string connectionString, int applications, int organisations, int historyEvents, int seed,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(applications);
        ArgumentOutOfRangeException.ThrowIfNegative(historyEvents);
        ArgumentOutOfRangeException.ThrowIfLessThan(organisations, 1);
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Two generators at once would reserve the same ids.
        await ExecuteAsync(connection, "lock table applications in exclusive mode", ct);

        var calendarDays = new List<CalendarDay>();
        await using (var command = new NpgsqlCommand("select date, kind, name from calendar_days", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                calendarDays.Add(new CalendarDay(reader.GetFieldValue<DateOnly>(0), (CalendarDayKind)reader.GetInt32(1), reader.GetString(2), null));
        var calendar = WorkingCalendar.ForGeneratedHistory(calendarDays.Count > 0 ? calendarDays : CalendarSeed.Load());

        var last = new BulkIds(
            (int)await ScalarAsync(connection, "select coalesce(max(id), 0) from organisations", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from seats", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from people", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from children", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from applications", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from referrals", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from stop_list_entries", ct),
            await ScalarAsync(connection, "select coalesce(max(id), 0) from application_events", ct),
            await ScalarAsync(connection, "select nextval('registration_number_seq') - 1", ct),
            await ScalarAsync(connection, "select nextval('referral_number_seq') - 1", ct));
        var usedIins = await StringsAsync(connection, "select iin from people union all select iin from children", ct);
        var usedCodes = await StringsAsync(connection, "select verification_code from referrals", ct);

        var plan = new BulkPlan(new Random(seed), now, calendar, last, usedIins, usedCodes);
        plan.AddOrganisations(organisations);
        plan.AddApplications(applications);
        plan.NumberApplications();
        plan.OfferStateSeats();
        plan.CutHistory(historyEvents);

        await BulkCopy.WriteAsync(connection, plan, ct);

        foreach (var table in new[] { "organisations", "seats", "people", "children", "applications", "referrals", "stop_list_entries", "application_events" })
            await ExecuteAsync(connection, $"select setval(pg_get_serial_sequence('{table}', 'id'), greatest((select max(id) from {table}), 1))", ct);
        await ExecuteAsync(connection, $"select setval('registration_number_seq', {Math.Max(plan.LastRegistrationSerial, 1)}, {plan.LastRegistrationSerial > 0})", ct);
        await ExecuteAsync(connection, $"select setval('referral_number_seq', {Math.Max(plan.LastReferralSerial, 1)}, {plan.LastReferralSerial > 0})", ct);
        await transaction.CommitAsync(ct);
        await ExecuteAsync(connection, "analyze", ct);
        return new Result(plan.Organisations.Count, plan.Applications.Count, plan.Events.Count, plan.Referrals.Count, clock.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static async Task<HashSet<string>> StringsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var set = new HashSet<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) set.Add(reader.GetString(0).Trim());
        return set;
    }
}
