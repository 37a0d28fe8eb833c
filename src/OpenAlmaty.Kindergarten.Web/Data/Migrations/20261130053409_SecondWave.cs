using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The second wave in one migration: row versions, sessions, registry and privileges with
    /// evidence, releases, notification values (decisions 0007–0014).
    /// </summary>
    public partial class SecondWave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "referrals",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "bin",
                table: "organisations",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "browser",
                table: "login_nonces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

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

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "applications",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

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
                name: "releases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rule = table.Column<int>(type: "integer", nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    seed = table.Column<byte[]>(type: "bytea", nullable: true),
                    seed_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    document_json = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_releases", x => x.id);
                    table.CheckConstraint("ck_releases_window", "closes_at > opens_at");
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

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    employer_bin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_because = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "release_pools",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    release_id = table.Column<long>(type: "bigint", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    vacant = table.Column<int>(type: "integer", nullable: false),
                    returned_to_first_come = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_pools", x => x.id);
                    table.CheckConstraint("ck_release_pools_seats", "seats between 1 and 1000");
                    table.CheckConstraint("ck_release_pools_vacant", "vacant >= 0 and vacant <= seats");
                    table.ForeignKey(
                        name: "fk_release_pools_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_pools_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "release_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    release_id = table.Column<long>(type: "bigint", nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    ranked_pool_ids = table.Column<long[]>(type: "bigint[]", nullable: false),
                    signed_xml = table.Column<string>(type: "text", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pseudonym = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    priority_position = table.Column<long>(type: "bigint", nullable: true),
                    placed_pool_id = table.Column<long>(type: "bigint", nullable: true),
                    choice_index = table.Column<int>(type: "integer", nullable: true),
                    eligible = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_requests", x => x.id);
                    table.CheckConstraint("ck_release_requests_choices", "cardinality(ranked_pool_ids) between 1 and 5");
                    table.ForeignKey(
                        name: "fk_release_requests_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_requests_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "release_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    release_id = table.Column<long>(type: "bigint", nullable: false),
                    pool_id = table.Column<long>(type: "bigint", nullable: false),
                    request_id = table.Column<long>(type: "bigint", nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    choice_index = table.Column<int>(type: "integer", nullable: false),
                    from_waiting_list = table.Column<bool>(type: "boolean", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    referral_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_release_offers_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_offers_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_release_offers_release_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "release_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_offers_release_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "release_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_offers_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "release_waiting_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pool_id = table.Column<long>(type: "bigint", nullable: false),
                    request_id = table.Column<long>(type: "bigint", nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    choice_index = table.Column<int>(type: "integer", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_waiting_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_release_waiting_entries_release_pools_pool_id",
                        column: x => x.pool_id,
                        principalTable: "release_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_release_waiting_entries_release_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "release_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_release_offers_application_id",
                table: "release_offers",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_offers_open_deadline",
                table: "release_offers",
                column: "valid_until",
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_release_offers_pool_id",
                table: "release_offers",
                column: "pool_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_offers_referral_id",
                table: "release_offers",
                column: "referral_id",
                unique: true,
                filter: "referral_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_release_offers_request_id",
                table: "release_offers",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ux_release_offers_one_held",
                table: "release_offers",
                columns: new[] { "release_id", "application_id" },
                unique: true,
                filter: "status in (1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_release_pools_organisation_id",
                table: "release_pools",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_pools_release_id_organisation_id_birth_year",
                table: "release_pools",
                columns: new[] { "release_id", "organisation_id", "birth_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_release_requests_application_id",
                table: "release_requests",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_requests_pseudonym",
                table: "release_requests",
                column: "pseudonym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_release_requests_current",
                table: "release_requests",
                columns: new[] { "release_id", "application_id" },
                unique: true,
                filter: "superseded_at is null");

            migrationBuilder.CreateIndex(
                name: "ix_release_waiting_entries_application_id",
                table: "release_waiting_entries",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_waiting_entries_pool_id_position",
                table: "release_waiting_entries",
                columns: new[] { "pool_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_release_waiting_entries_request_id",
                table: "release_waiting_entries",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_releases_status_closes_at",
                table: "releases",
                columns: new[] { "status", "closes_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staged_documents_created_at",
                table: "staged_documents",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_staged_documents_request_id_person_id",
                table: "staged_documents",
                columns: new[] { "request_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_expires_at",
                table: "user_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_iin",
                table: "user_sessions",
                column: "iin",
                filter: "ended_at IS NULL");

            // Hand-written SQL, after the generated operations: the status functions and queue
            // triggers built from the C# enums (decision 0008), the natural-order collation.
            Sql.W2RulesSql.Up(migrationBuilder);
            Sql.W2UiSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.W2UiSql.Down(migrationBuilder);
            Sql.W2RulesSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "attach_invitations");

            migrationBuilder.DropTable(
                name: "registry_people");

            migrationBuilder.DropTable(
                name: "release_offers");

            migrationBuilder.DropTable(
                name: "release_waiting_entries");

            migrationBuilder.DropTable(
                name: "staged_documents");

            migrationBuilder.DropTable(
                name: "user_sessions");

            migrationBuilder.DropTable(
                name: "release_pools");

            migrationBuilder.DropTable(
                name: "release_requests");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropIndex(
                name: "ix_applications_privilege_valid_until",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_under_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "bin",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "number",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "organisation",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "until_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "browser",
                table: "login_nonces");

            migrationBuilder.DropColumn(
                name: "parenthood_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "privilege_review",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "privilege_valid_until",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "applications");
        }
    }
}
