using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <summary>The natural-order collation for staff lists (no model change).</summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261130040000_W2Ui")]
    public partial class W2Ui : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => Sql.W2UiSql.Up(migrationBuilder);

        protected override void Down(MigrationBuilder migrationBuilder) => Sql.W2UiSql.Down(migrationBuilder);
    }
}
