using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations.Sql;

/// Runs after the generated operations (edited_by must exist). Until now the shipped file was
/// loaded once into an empty table and never changed, so a row that differs from it was edited by
/// staff: mark it, so that the merge at start (CalendarMerge) leaves it alone. A day staff had
/// deleted cannot be told apart from a day never loaded; the merge brings it back (see README).
public static class W2CalendarSql
{
    public const string EditedBeforeTracking = "сотрудник (до учёта правок)";

    public static void Up(MigrationBuilder m)
    {
        var values = new StringBuilder();
        foreach (var d in CalendarSeed.Load())
            values.Append(values.Length == 0 ? "" : ",\n").Append(
                $"(date '{d.Date:yyyy-MM-dd}', {(int)d.Kind}, {Quote(d.Name)}, {(d.Source is null ? "null" : Quote(d.Source))})");
        m.Sql($"""
            update calendar_days c set edited_by = {Quote(EditedBeforeTracking)}
            where not exists (select 1 from (values {values}) as f(date, kind, name, source)
                              where f.date = c.date and f.kind = c.kind and f.name = c.name and f.source is not distinct from c.source);
            """);
    }

    public static void Down(MigrationBuilder m) { }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";
}
