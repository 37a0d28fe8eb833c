-- Scratch copies for bench/seat-take.sql: 20 private seat rows for 2021 and an empty table
-- shaped like referrals, with all its indexes.
drop table if exists bench_scratch_seats, bench_scratch_referrals;
drop sequence if exists bench_scratch_number;
create table bench_scratch_seats as
  select (row_number() over (order by s.organisation_id) - 1)::int as slot, s.*
  from seats s join organisations o on o.id = s.organisation_id
  where o.type = 2 and s.birth_year = 2021
  order by s.organisation_id limit 20;
update bench_scratch_seats set free_seats = 1000000000;
alter table bench_scratch_seats add primary key (id);
create unique index on bench_scratch_seats (slot, birth_year);
create table bench_scratch_referrals (like referrals including all);
create sequence bench_scratch_number;
vacuum analyze bench_scratch_seats;
