-- The database ceiling: the seat-taking transaction of Features/Referrals/ReferralIssuer.cs
-- (row lock on the application, conditional seat UPDATE, referral INSERT, COMMIT) against
-- scratch copies (bench_scratch_*, made by run.sh), so the real seats and referrals stay as
-- they are. 20 seat rows as in the rush; the seats never run out, so every transaction locks one.
\set app random(1, 100000)
\set slot random(0, 19)
BEGIN;
SELECT id, status FROM applications WHERE id = :app FOR UPDATE;
UPDATE bench_scratch_seats SET free_seats = free_seats - 1, updated_at = now(), updated_by = 'pgbench'
  WHERE slot = :slot AND birth_year = 2021 AND free_seats > 0;
INSERT INTO bench_scratch_referrals (number, application_id, organisation_id, birth_year, issued_at, valid_until, status, verification_code)
  SELECT 'PGB-' || n, n, 0, 2021, now(), now() + interval '7 days', 1, md5(n::text) FROM nextval('bench_scratch_number') AS n;
COMMIT;
