-- Data kept no longer than needed (issue 10), and an audit trail that outlives what it is about.

-- E-mail addresses were collected and never used: no longer stored (the API still accepts the field).
ALTER TABLE comment DROP COLUMN author_email;

-- Client addresses are cleared by the purge (comment/DataRetention) once no rule needs them any more.
ALTER TABLE comment_report ALTER COLUMN client_address DROP NOT NULL;
CREATE INDEX comment_address_kept_idx ON comment (created_at) WHERE client_address IS NOT NULL;
CREATE INDEX comment_report_created_idx ON comment_report (created_at);

-- Stored answers belong to the client that made them (an HMAC of its address), and keys are HMACs under the server
-- secret now: the rows hashed the old way can never be found again, so they go at once.
DELETE FROM idempotency_key;
ALTER TABLE idempotency_key ADD COLUMN client_hash bytea;

-- Moderators' decisions stay when their comment goes with its article: no foreign key any more, and the article is
-- recorded with the comment (both as plain values, naming what was there).
ALTER TABLE moderation_decision ADD COLUMN article_id bigint;
UPDATE moderation_decision d SET article_id = c.article_id FROM comment c WHERE c.id = d.comment_id;
ALTER TABLE moderation_decision ALTER COLUMN article_id SET NOT NULL;
ALTER TABLE moderation_decision DROP CONSTRAINT moderation_decision_comment_id_fkey;
