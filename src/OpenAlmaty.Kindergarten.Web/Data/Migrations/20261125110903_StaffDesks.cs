using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffDesks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: true),
                    details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_actor_iin_at",
                table: "audit_log",
                columns: new[] { "actor_iin", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_application_id_at",
                table: "audit_log",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            // The call-centre search (CallCentreSearch): names by any part in any case on trigram
            // indexes, phones by their last ten digits, applications by child. The expressions must
            // stay identical to CallCentreSearch.NameExpression and PhoneDigits.
            migrationBuilder.Sql("create extension if not exists pg_trgm;");
            migrationBuilder.Sql("""
                create index ix_children_name_trgm on children
                  using gin (lower(last_name || ' ' || first_name || coalesce(' ' || middle_name, '')) gin_trgm_ops);
                create index ix_people_name_trgm on people
                  using gin (lower(last_name || ' ' || first_name || coalesce(' ' || middle_name, '')) gin_trgm_ops);
                create index ix_people_phone_digits on people (right(regexp_replace(coalesce(phone, ''), '\D', '', 'g'), 10));
                create index ix_applications_phone_digits on applications (right(regexp_replace(coalesce(additional_phone, ''), '\D', '', 'g'), 10));
                create index ix_applications_child_id on applications (child_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop index if exists ix_children_name_trgm;
                drop index if exists ix_people_name_trgm;
                drop index if exists ix_people_phone_digits;
                drop index if exists ix_applications_phone_digits;
                drop index if exists ix_applications_child_id;
                """);
            migrationBuilder.DropTable(
                name: "audit_log");
        }
    }
}
