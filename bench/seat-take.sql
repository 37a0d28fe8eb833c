-- The database ceiling: every statement one "Подписать и отправить" that gets its seat sends
-- (Features/Choose/ChooseController.cs, Signatures/SignedRequests.cs, Features/Referrals/ReferralIssuer.cs,
-- as logged by PostgreSQL), with the same sizes, against the scratch copies of seat-take-setup.sql.
-- The seats never run out, so every transaction takes one: the heaviest path of the rush.
\set app random(1, 100000)
\set slot random(0, 19)
-- ChooseController: the parent's application, then "any seat left?" before the signature
SELECT a.id, a.registration_number, c.last_name || ' ' || c.first_name, a.birth_year, c.birth_date, a.status, a.stop_listed_until, a.offered_until
  FROM bench_scratch_applications a JOIN children c ON a.child_id = c.id WHERE a.id = :app;
SELECT EXISTS (SELECT 1 FROM bench_scratch_seats s WHERE s.slot = :slot AND s.birth_year = 2021 AND s.free_seats > 0);
-- SignedRequests.VerifyAsync: the prepared request
SELECT s.id, s.application_id, s.issued_at, s.kind, s.person_iin, s.used_at, s.xml FROM bench_scratch_requests s WHERE s.id = md5(:app::text)::uuid LIMIT 1;
-- ReferralIssuer: one transaction; the queue trigger silent (the portal notifies after COMMIT,
-- coalesced; that NOTIFY is left out here, which only makes this ceiling higher)
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT set_config('oa.queue_notify_after_commit', 'on', true);
SELECT a.*, c.* FROM (SELECT * FROM bench_scratch_applications WHERE id = :app FOR UPDATE) a JOIN children c ON a.child_id = c.id;
UPDATE bench_scratch_requests SET used_at = now() WHERE id = md5(:app::text)::uuid AND used_at IS NULL;
SELECT o.* FROM organisations o WHERE o.id = (SELECT organisation_id FROM bench_scratch_seats WHERE slot = :slot) LIMIT 2;
SELECT nextval('bench_scratch_number') AS n \gset
SELECT EXISTS (SELECT 1 FROM bench_scratch_seats s WHERE s.slot = :slot AND s.birth_year = 2021 AND s.free_seats > 0);
SAVEPOINT "__EFSavePoint";
INSERT INTO bench_scratch_events (actor, application_id, at, from_status, kind, reason, signed_xml, to_status)
  SELECT 'pgbench', :app, now(), 1, 3, NULL, signed_xml, 3 FROM bench_scratch_payload RETURNING id;
UPDATE bench_scratch_applications SET status = CASE WHEN status = 3 THEN 1 ELSE 3 END, status_changed_at = now() WHERE id = :app;
INSERT INTO bench_scratch_referrals (application_id, birth_year, close_reason, closed_at, issued_at, number, organisation_id, signed_request_xml, status, valid_until, verification_code)
  SELECT :n, 2021, NULL, NULL, now(), 'PGB-' || :n, 0, signed_xml, 1, now() + interval '7 days', md5(:n::text) FROM bench_scratch_payload RETURNING id;
RELEASE SAVEPOINT "__EFSavePoint";
INSERT INTO bench_scratch_notifications (application_id, referral_id, kind, channel, recipient, dedup_key, subject, body, created_at, attempts, next_attempt_at)
  VALUES (:app, :n, 1, 1, '+77010000000', 'referral-issued:' || :n, 'Выдано направление', 'Направление № PGB-' || :n || ' выдано; действительно до …', now(), 0, now());
UPDATE bench_scratch_seats SET free_seats = free_seats - 1, updated_at = now(), updated_by = 'pgbench'
  WHERE slot = :slot AND birth_year = 2021 AND free_seats > 0;
COMMIT;
-- After COMMIT: the referral's PDF, drawn from what the transaction read, stored (its own COMMIT)
INSERT INTO bench_scratch_documents (application_id, content, content_type, created_at, file_name, kind, referral_id, title)
  SELECT :app, pdf, 'application/pdf', now(), 'napravlenie-PGB-' || :n || '.pdf', 1, :n, 'Направление № PGB-' || :n FROM bench_scratch_payload RETURNING id;
