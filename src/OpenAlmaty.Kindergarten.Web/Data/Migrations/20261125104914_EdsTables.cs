using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EdsTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_nonces",
                columns: table => new
                {
                    value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_nonces", x => x.value);
                });

            migrationBuilder.CreateTable(
                name: "signed_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_iin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_requests", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_login_nonces_expires_at",
                table: "login_nonces",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_signed_requests_person_iin_issued_at",
                table: "signed_requests",
                columns: new[] { "person_iin", "issued_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "login_nonces");

            migrationBuilder.DropTable(
                name: "signed_requests");
        }
    }
}
