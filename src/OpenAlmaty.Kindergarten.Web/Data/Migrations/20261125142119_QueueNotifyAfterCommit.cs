using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <summary>
    /// The queue-change trigger stays silent in a transaction that set
    /// oa.queue_notify_after_commit (the portal's seat-taking): that transaction's portal notifies
    /// after COMMIT instead (Features/Applications/QueueOrderCache.Changed), so the seat
    /// transaction does not wait for NOTIFY's commit-time lock while holding the seat row.
    /// </summary>
    public partial class QueueNotifyAfterCommit : Migration
    {
        // The queue's statuses from the enum (issue 11); W2Rules replaces this function again.
        private static readonly string Body = $$"""
            create or replace function notify_queue_change() returns trigger language plpgsql as $$
            begin
              if tg_op = 'TRUNCATE' then
                perform pg_notify('queue_changed', '*');
                return null;
              end if;
              <after-commit>
              if tg_op <> 'INSERT' and old.{{StatusSql.InQueueFilter}} then
                perform pg_notify('queue_changed', old.birth_year::text);
              end if;
              if tg_op <> 'DELETE' and new.{{StatusSql.InQueueFilter}} then
                perform pg_notify('queue_changed', new.birth_year::text);
              end if;
              return null;
            end $$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(Body.Replace("<after-commit>", """
                if current_setting('oa.queue_notify_after_commit', true) = 'on' then
                    return null;
                  end if;
                """));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(Body.Replace("<after-commit>", ""));
    }
}
