using Microsoft.EntityFrameworkCore.Migrations;

namespace OpenAlmaty.Kindergarten.Web.Data.Migrations.Sql;

/// Issue 11, one source for each rule: the statuses reach the database's own SQL only through
/// functions written from the C# enums (Data/StatusSql.FunctionsSql), and the queue trigger and
/// its function use them instead of "status in (1, 2)". Runs after the generated operations.
public static class W2RulesSql
{
    private const string QueueTriggers = """
        create or replace function notify_queue_change() returns trigger language plpgsql as $$
        begin
          if tg_op = 'TRUNCATE' then
            perform pg_notify('queue_changed', '*');
            return null;
          end if;
          if current_setting('oa.queue_notify_after_commit', true) = 'on' then
            return null;
          end if;
          if tg_op <> 'INSERT' and app_status_in_queue(old.status) then
            perform pg_notify('queue_changed', old.birth_year::text);
          end if;
          if tg_op <> 'DELETE' and app_status_in_queue(new.status) then
            perform pg_notify('queue_changed', new.birth_year::text);
          end if;
          return null;
        end $$;

        drop trigger if exists tr_applications_queue_insert on applications;
        drop trigger if exists tr_applications_queue_delete on applications;
        drop trigger if exists tr_applications_queue_update on applications;
        create trigger tr_applications_queue_insert after insert on applications
          for each row when (app_status_in_queue(new.status)) execute function notify_queue_change();
        create trigger tr_applications_queue_delete after delete on applications
          for each row when (app_status_in_queue(old.status)) execute function notify_queue_change();
        create trigger tr_applications_queue_update after update of status, priority_group, queued_at, birth_year on applications
          for each row when (
            app_status_in_queue(old.status) <> app_status_in_queue(new.status)
            or (app_status_in_queue(new.status) and (old.priority_group, old.queued_at, old.birth_year) is distinct from (new.priority_group, new.queued_at, new.birth_year)))
          execute function notify_queue_change();
        """;

    public static void Up(MigrationBuilder m)
    {
        m.Sql(StatusSql.FunctionsSql());
        m.Sql(QueueTriggers);
    }

    /// Back to triggers that test the statuses themselves (written from the enum), then the functions go.
    public static void Down(MigrationBuilder m)
    {
        m.Sql(QueueTriggers.Replace("app_status_in_queue(old.status)", "old." + StatusSql.InQueueFilter, StringComparison.Ordinal)
            .Replace("app_status_in_queue(new.status)", "new." + StatusSql.InQueueFilter, StringComparison.Ordinal));
        m.Sql(StatusSql.DropFunctionsSql);
    }
}
