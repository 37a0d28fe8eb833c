using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations
{
    /// <summary>
    /// NOTIFY queue_changed with the birth year whenever a change can move a queue number:
    /// an application enters or leaves the queue (queued or notified), or a queued one changes its
    /// priority group, queue time or birth year. PostgreSQL delivers it after COMMIT, once per
    /// transaction and year; Features/Applications/QueueOrderCache listens.
    /// </summary>
    public partial class QueueChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The queue's statuses from the enum (issue 11: no status number written into SQL);
            // W2Rules replaces this function and these triggers with ones that call app_status_in_queue.
            var inQueue = StatusSql.InQueueFilter;
            migrationBuilder.Sql($"""
                create function notify_queue_change() returns trigger language plpgsql as $$
                begin
                  if tg_op = 'TRUNCATE' then
                    perform pg_notify('queue_changed', '*');
                    return null;
                  end if;
                  if tg_op <> 'INSERT' and old.{inQueue} then
                    perform pg_notify('queue_changed', old.birth_year::text);
                  end if;
                  if tg_op <> 'DELETE' and new.{inQueue} then
                    perform pg_notify('queue_changed', new.birth_year::text);
                  end if;
                  return null;
                end $$;

                create trigger tr_applications_queue_insert after insert on applications
                  for each row when (new.{inQueue}) execute function notify_queue_change();
                create trigger tr_applications_queue_delete after delete on applications
                  for each row when (old.{inQueue}) execute function notify_queue_change();
                create trigger tr_applications_queue_update after update of status, priority_group, queued_at, birth_year on applications
                  for each row when (
                    (old.{inQueue}) <> (new.{inQueue})
                    or (new.{inQueue} and (old.priority_group, old.queued_at, old.birth_year) is distinct from (new.priority_group, new.queued_at, new.birth_year)))
                  execute function notify_queue_change();
                create trigger tr_applications_queue_truncate after truncate on applications
                  for each statement execute function notify_queue_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger tr_applications_queue_truncate on applications;
                drop trigger tr_applications_queue_update on applications;
                drop trigger tr_applications_queue_delete on applications;
                drop trigger tr_applications_queue_insert on applications;
                drop function notify_queue_change();
                """);
        }
    }
}
