-- Scratch copies for bench/seat-take.sql, so that the real rows stay as they are: applications
-- (with the queue-change trigger the real table has), 20 private seat rows for 2021 that never run
-- out, empty tables shaped like the ones the POST writes (with all their indexes), signed
-- requests to look up and use, and a signed XML and a PDF of the real sizes (random bytes: they
-- compress no better than the real ones).
drop table if exists bench_scratch_seats, bench_scratch_referrals, bench_scratch_applications, bench_scratch_events,
  bench_scratch_notifications, bench_scratch_documents, bench_scratch_requests, bench_scratch_payload;
drop sequence if exists bench_scratch_number;
create table bench_scratch_seats as
  select (row_number() over (order by s.organisation_id) - 1)::int as slot, s.*
  from seats s join organisations o on o.id = s.organisation_id
  where o.type = 2 and s.birth_year = 2021
  order by s.organisation_id limit 20;
update bench_scratch_seats set free_seats = 1000000000;
alter table bench_scratch_seats add primary key (id);
create unique index on bench_scratch_seats (slot, birth_year);
create table bench_scratch_applications (like applications including all);
insert into bench_scratch_applications select * from applications;
-- Random applications change status here whatever their child's other applications: the
-- one-active-application-per-child index is kept, with the same upkeep, but not unique.
drop index bench_scratch_applications_child_id_idx;
create index on bench_scratch_applications (child_id) where status in (1, 2, 3);
create trigger tr_bench_scratch_queue_update after update of status, priority_group, queued_at, birth_year on bench_scratch_applications
  for each row when ((old.status in (1, 2)) <> (new.status in (1, 2))) execute function notify_queue_change();
create table bench_scratch_referrals (like referrals including all);
create table bench_scratch_events (like application_events including all);
create table bench_scratch_notifications (like notifications including all);
create table bench_scratch_documents (like application_documents including all);
create table bench_scratch_requests (like signed_requests including all);
insert into bench_scratch_requests (id, person_iin, kind, application_id, xml, issued_at)
  select md5(a.id::text)::uuid, '850101300015', 'choose-private', a.id, repeat('<request/>', 40), now() from applications a;
create sequence bench_scratch_number;
create table bench_scratch_payload as select
  (select 'NCALayer XMLDSig: ' || encode(decode(string_agg(md5(random()::text), ''), 'hex'), 'base64') from generate_series(1, 280)) as signed_xml,
  (select decode(string_agg(md5(random()::text), ''), 'hex') from generate_series(1, 4337)) as pdf;
vacuum analyze bench_scratch_seats, bench_scratch_applications, bench_scratch_requests, bench_scratch_payload;
