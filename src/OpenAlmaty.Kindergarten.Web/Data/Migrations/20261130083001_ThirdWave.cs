using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ThirdWave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "district",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "egov_transactions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    purpose = table.Column<int>(type: "integer", nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    browser = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    iin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_xml = table.Column<string>(type: "text", nullable: true),
                    refusal_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    refusal_ru = table.Column<string>(type: "text", nullable: true),
                    refusal_kk = table.Column<string>(type: "text", nullable: true),
                    refusal_en = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_egov_transactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "queue_number_history",
                columns: table => new
                {
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    previous = table.Column<int>(type: "integer", nullable: true),
                    referred_ahead = table.Column<int>(type: "integer", nullable: false),
                    removed_ahead = table.Column<int>(type: "integer", nullable: false),
                    aged_out_ahead = table.Column<int>(type: "integer", nullable: false),
                    privileged_ahead = table.Column<int>(type: "integer", nullable: false),
                    returned_ahead = table.Column<int>(type: "integer", nullable: false),
                    other = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_number_history", x => new { x.application_id, x.day });
                    table.ForeignKey(
                        name: "fk_queue_number_history_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "queue_snapshot",
                columns: table => new
                {
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    priority_group = table.Column<int>(type: "integer", nullable: false),
                    taken_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_snapshot", x => x.application_id);
                    table.ForeignKey(
                        name: "fk_queue_snapshot_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_egov_transactions_expires_at",
                table: "egov_transactions",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "egov_transactions");

            migrationBuilder.DropTable(
                name: "queue_number_history");

            migrationBuilder.DropTable(
                name: "queue_snapshot");

            migrationBuilder.DropColumn(
                name: "district",
                table: "applications");
        }
    }
}
