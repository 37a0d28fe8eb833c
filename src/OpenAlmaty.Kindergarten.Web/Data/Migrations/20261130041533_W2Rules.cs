using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W2Rules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "number",
                table: "notifications",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "organisation",
                table: "notifications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "until_at",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            Sql.W2RulesSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.W2RulesSql.Down(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "number",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "organisation",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "until_at",
                table: "notifications");
        }
    }
}
