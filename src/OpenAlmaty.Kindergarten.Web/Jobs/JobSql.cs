using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Runs one statement on the context's connection inside its current transaction. EF's
/// SqlQuery wraps a query in a sub-select, where PostgreSQL refuses data-modifying CTEs.
internal static class JobSql
{
    public static async Task<int> CountAsync(AppDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        await using var command = Command(db, sql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static NpgsqlCommand Command(AppDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var command = new NpgsqlCommand(sql, connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            // A batch of ten thousand is seconds; a lock wait should not make the job hang forever.
            CommandTimeout = 300,
        };
        foreach (var p in parameters) command.Parameters.Add(p);
        return command;
    }

    public static NpgsqlParameter P(string name, object? value) => new(name, value ?? DBNull.Value);
}
