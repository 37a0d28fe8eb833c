using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Jobs;

namespace OpenAlmaty.Kindergarten.Tools.Runners;

/// `dotnet OpenAlmaty.Kindergarten.Tools.dll bench-expiry --db "…" --referrals 10000`:
/// fills that (throw-away) database with that many active
/// referrals past their deadline — half of them a first expiry, half a second — with set-based
/// INSERTs, times ExpireReferralsJob and checks what it did. Not part of the test suite.
public static class ExpiryBenchmark
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "bench-expiry") return false;
        var count = ToolArguments.Int(args, "--referrals", 10_000);
        var connectionString = ToolArguments.Database("bench-expiry", args);
        var now = DateTimeOffset.UtcNow;
        var services = new ServiceCollection()
            .AddAppDbContext(connectionString)
            .AddSingleton<TimeProvider>(new FixedClock(now))
            .AddSingleton<WorkingCalendarSource>()
            .AddScoped<ExpireReferralsJob>()
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            if (!await db.CalendarDays.AnyAsync()) { db.CalendarDays.AddRange(CalendarSeed.Load()); await db.SaveChangesAsync(); }
            var organisation = new PreschoolOrganisation(OrganisationType.PrivateStateOrder, "Бенчмарк", "Бенчмарк", InstructionLanguage.Russian,
                District.Almaly, "ул. Абая, 1", "000-00-00", null, 43.2, 76.9);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var fill = Stopwatch.StartNew();
            await FillAsync(connectionString, organisation.Id, count, now);
            Console.WriteLine($"bench-expiry: {count} due referrals written in {fill.Elapsed.TotalSeconds:F2} s");

            var timer = Stopwatch.StartNew();
            var expired = await scope.ServiceProvider.GetRequiredService<ExpireReferralsJob>().ExecuteAsync(CancellationToken.None);
            timer.Stop();
            Console.WriteLine($"bench-expiry: ExpireReferralsJob annulled {expired} referrals in {timer.Elapsed.TotalSeconds:F2} s");
            await CheckAsync(connectionString, organisation.Id, count);
        }
        await services.DisposeAsync();
        return true;
    }

    private static async Task FillAsync(string connectionString, int organisationId, int count, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            insert into seats (organisation_id, birth_year, free_seats, updated_at, updated_by) values (@org, 2021, 0, @now, 'bench');
            with base as (select coalesce(max(id), 0) + 100000000000 as b from people),
            p as (
                insert into people (iin, last_name, first_name, birth_date, phone, email)
                select to_char(base.b + g, 'FM000000000000'), 'БЕНЧ', 'РОДИТЕЛЬ', date '1990-01-01', '+7 701 000 00 00', 'bench' || g || '@example.kz'
                from base, generate_series(1, @n) g
                returning id, iin),
            c as (
                insert into children (iin, last_name, first_name, birth_date, sex)
                select to_char(base.b + 500000000 + g, 'FM000000000000'), 'БЕНЧ', 'РЕБЁНОК', date '2021-03-01', 1
                from base, generate_series(1, @n) g
                returning id, iin),
            pc as (
                select p.id as parent_id, c.id as child_id, row_number() over (order by p.id) as rn
                from p join c on c.iin::bigint = p.iin::bigint + 500000000),
            a as (
                insert into applications (registration_number, child_id, applicant_id, created_at, queued_at, privilege, priority_group,
                    birth_year, preferred_language, status, status_changed_at, expired_referral_count)
                select 'UO.B.' || @org || '.' || rn, child_id, parent_id, @issued, @issued - interval '1 year' + rn * interval '1 second',
                    0, 2, 2021, 2, @s_referred, @issued, (rn % 2)::int
                from pc
                returning id)
            insert into referrals (number, application_id, organisation_id, birth_year, issued_at, valid_until, status, verification_code)
            select 'B.' || a.id, a.id, @org, 2021, @issued, @due, @r_active, 'B' || a.id from a;
            analyze people; analyze children; analyze applications; analyze referrals; analyze seats;
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("org", organisationId);
        command.Parameters.AddWithValue("n", count);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("issued", now.AddDays(-10));
        command.Parameters.AddWithValue("due", now.AddMinutes(-1));
        command.Parameters.AddRange(StatusSql.Parameters().ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task CheckAsync(string connectionString, int organisationId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select
              (select count(*) from referrals where organisation_id = @org and status = @r_annulled),
              (select count(*) from referrals where organisation_id = @org and status = @r_active),
              (select free_seats from seats where organisation_id = @org and birth_year = 2021),
              (select count(*) from applications a join referrals r on r.application_id = a.id where r.organisation_id = @org and a.status = @s_queued),
              (select count(*) from applications a join referrals r on r.application_id = a.id where r.organisation_id = @org and a.status = @s_removed),
              (select count(*) from application_events e join referrals r on r.application_id = e.application_id where r.organisation_id = @org),
              (select count(*) from notifications n join referrals r on r.id = n.referral_id where r.organisation_id = @org)
            """, connection);
        command.Parameters.AddWithValue("org", organisationId);
        command.Parameters.AddRange(StatusSql.Parameters().ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        long[] got = [.. Enumerable.Range(0, 7).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
        long[] want = [count, 0, count, count / 2, count - count / 2, 2L * count, 2L * count];
        Console.WriteLine($"bench-expiry: annulled {got[0]}, still active {got[1]}, seats freed {got[2]}, back in queue {got[3]}, removed {got[4]}, events {got[5]}, notifications {got[6]}");
        if (!got.SequenceEqual(want))
            throw new InvalidOperationException($"bench-expiry: expected {string.Join(", ", want)}");
        Console.WriteLine("bench-expiry: result checked: OK");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
