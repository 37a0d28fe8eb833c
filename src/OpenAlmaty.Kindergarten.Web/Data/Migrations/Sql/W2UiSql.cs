using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations.Sql;

/// Staff lists sort numbered names as people read them («№ 2» before «№ 12»): an ICU collation
/// with numeric ordering (Debian's PostgreSQL is built with ICU).
public static class W2UiSql
{
    public static void Up(MigrationBuilder m) =>
        m.Sql("create collation if not exists natural_ru (provider = icu, locale = 'ru-u-kn-true');");

    public static void Down(MigrationBuilder m) => m.Sql("drop collation if exists natural_ru;");
}
