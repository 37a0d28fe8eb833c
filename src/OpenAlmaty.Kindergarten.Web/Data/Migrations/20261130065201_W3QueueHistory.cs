using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W3QueueHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_number_history");

            migrationBuilder.DropTable(
                name: "queue_snapshot");
        }
    }
}
