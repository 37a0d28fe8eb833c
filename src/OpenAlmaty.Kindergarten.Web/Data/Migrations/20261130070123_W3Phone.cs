using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W3Phone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
