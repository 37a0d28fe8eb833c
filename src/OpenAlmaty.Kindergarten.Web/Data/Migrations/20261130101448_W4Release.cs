using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W4Release : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_release_requests_placed",
                table: "release_requests",
                column: "placed_pool_id",
                filter: "placed_pool_id is not null and superseded_at is null")
                .Annotation("Npgsql:IndexInclude", new[] { "release_id", "priority_position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_release_requests_placed",
                table: "release_requests");
        }
    }
}
