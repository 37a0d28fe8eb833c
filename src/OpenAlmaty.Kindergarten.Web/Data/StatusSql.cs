using System.Globalization;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Data;

/// Statuses in SQL without a number written into it (issue 11: a literal is a second copy of the
/// enum, and it drifts). Three ways, each from the C# enums:
/// - parameters (<see cref="Parameters"/>): @s_queued, @s_notified, @s_referred, @s_removed,
///   @s_in_queue (int[]), @r_active, @r_annulled, @r_cancelled — the default;
/// - SQL functions the migration writes from the enums (<see cref="FunctionsSql"/>), for the
///   triggers and for the queries that must match a partial index when the statement is planned
///   (PostgreSQL inlines an IMMUTABLE SQL function into a constant, so app_status_in_queue(status)
///   proves "status in (<the in-queue numbers>)" even in a prepared statement's generic plan; a parameter does not);
/// - the partial indexes' predicates (<see cref="InQueueFilter"/> …), DDL that EF writes.
/// Tests/Rules/SqlStatusLiteralTests fails on a literal in src/ or in the database's functions.
public static class StatusSql
{
    public static int[] InQueue => Values(Enum.GetValues<ApplicationStatus>().Where(s => s.IsInQueue()));
    public static int[] Active => Values(Enum.GetValues<ApplicationStatus>().Where(s => s.IsActive()));

    public static IEnumerable<NpgsqlParameter> Parameters() =>
    [
        new("s_queued", (int)ApplicationStatus.Queued), new("s_notified", (int)ApplicationStatus.Notified),
        new("s_referred", (int)ApplicationStatus.Referred), new("s_removed", (int)ApplicationStatus.Removed),
        new("s_in_queue", InQueue),
        new("r_active", (int)ReferralStatus.Active), new("r_annulled", (int)ReferralStatus.Annulled),
        new("r_cancelled", (int)ReferralStatus.Cancelled),
    ];

    public static string InQueueFilter => $"status in ({List(InQueue)})";
    public static string ActiveFilter => $"status in ({List(Active)})";
    public static string Is(ApplicationStatus status) => $"status = {Number((int)status)}";
    public static string Is(ReferralStatus status) => $"status = {Number((int)status)}";

    /// The functions, generated from the enums each time a migration that calls this runs
    /// (W2RulesSql); every one IMMUTABLE and one SELECT, so PostgreSQL inlines it.
    public static string FunctionsSql() => string.Join('\n',
        Function("app_status_in_queue(s integer) returns boolean", $"select s = any (array[{List(InQueue)}])"),
        Function("app_status_queued() returns integer", $"select {Number((int)ApplicationStatus.Queued)}"),
        Function("app_status_notified() returns integer", $"select {Number((int)ApplicationStatus.Notified)}"),
        Function("app_status_referral_active() returns integer", $"select {Number((int)ReferralStatus.Active)}"));

    public const string DropFunctionsSql = """
        drop function if exists app_status_in_queue(integer);
        drop function if exists app_status_queued();
        drop function if exists app_status_notified();
        drop function if exists app_status_referral_active();
        """;

    private static string Function(string signature, string body) =>
        $"create or replace function {signature} language sql immutable parallel safe as $$ {body} $$;";

    private static int[] Values(IEnumerable<ApplicationStatus> statuses) => statuses.Select(s => (int)s).ToArray();
    private static string List(int[] values) => string.Join(", ", values.Select(Number));
    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
