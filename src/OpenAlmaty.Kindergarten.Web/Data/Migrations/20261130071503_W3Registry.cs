using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W3Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "district",
                table: "applications",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "district",
                table: "applications");
        }
    }
}
