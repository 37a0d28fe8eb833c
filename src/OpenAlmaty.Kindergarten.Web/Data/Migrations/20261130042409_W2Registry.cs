using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class W2Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "parenthood_review",
                table: "applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "privilege_review",
                table: "applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "privilege_valid_until",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "attach_invitations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_by = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attach_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_attach_invitations_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_people",
                columns: table => new
                {
                    iin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    middle_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    parent_iins = table.Column<string[]>(type: "text[]", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_people", x => x.iin);
                });

            migrationBuilder.CreateTable(
                name: "staged_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    purpose = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staged_documents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_privilege_valid_until",
                table: "applications",
                column: "privilege_valid_until",
                filter: "privilege_valid_until is not null");

            migrationBuilder.CreateIndex(
                name: "ix_applications_under_review",
                table: "applications",
                column: "created_at",
                filter: "parenthood_review = 1 or privilege_review = 1");

            migrationBuilder.CreateIndex(
                name: "ix_attach_invitations_application_id_code_hash",
                table: "attach_invitations",
                columns: new[] { "application_id", "code_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staged_documents_created_at",
                table: "staged_documents",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_staged_documents_request_id_person_id",
                table: "staged_documents",
                columns: new[] { "request_id", "person_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attach_invitations");

            migrationBuilder.DropTable(
                name: "registry_people");

            migrationBuilder.DropTable(
                name: "staged_documents");

            migrationBuilder.DropIndex(
                name: "ix_applications_privilege_valid_until",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_under_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "parenthood_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "privilege_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "privilege_valid_until",
                table: "applications");
        }
    }
}
