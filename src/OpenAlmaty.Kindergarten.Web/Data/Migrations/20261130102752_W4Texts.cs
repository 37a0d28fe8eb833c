using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W4Texts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "people",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "ru");

            migrationBuilder.AddCheckConstraint(
                name: "ck_people_language",
                table: "people",
                sql: "language in ('ru', 'kk', 'en')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_people_language",
                table: "people");

            migrationBuilder.DropColumn(
                name: "language",
                table: "people");
        }
    }
}
