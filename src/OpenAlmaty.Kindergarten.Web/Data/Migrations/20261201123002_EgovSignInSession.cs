using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EgovSignInSession : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "egov_transactions",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "session_id",
                table: "egov_transactions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "language",
                table: "egov_transactions");

            migrationBuilder.DropColumn(
                name: "session_id",
                table: "egov_transactions");
        }
    }
}
