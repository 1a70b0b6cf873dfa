-- What readers saw, what a moderator approved, and reports per client (docs/http-api.md §5).

-- Whether readers ever saw the comment (it was published at some time): the tombstone of a comment readers never saw
-- (held, rejected or spam until its author deleted it) stays out of sight.
ALTER TABLE comment ADD COLUMN shown_to_readers boolean NOT NULL DEFAULT false;
-- Whether a moderator approved the comment as it reads now: reports then queue it for another look but no longer
-- hold it; the author's next edit clears it.
ALTER TABLE comment ADD COLUMN approved boolean NOT NULL DEFAULT false;

-- Seen: published now; or once published, which a comment without a hold reason (never held, or approved since), one
-- held by reports, one with replies (only a published comment can be answered) or one a moderator approved was. A
-- comment held from the start (links, banned word, repeat, pre-moderation) and never approved was not.
UPDATE comment c SET shown_to_readers = true
 WHERE c.status = 'published' OR c.held_reason IS NULL OR c.held_reason = 'reports'
    OR EXISTS (SELECT 1 FROM comment r WHERE r.parent_id = c.id)
    OR EXISTS (SELECT 1 FROM moderation_decision d WHERE d.comment_id = c.id AND d.new_status = 'published');
UPDATE comment c SET approved = true
 WHERE EXISTS (SELECT 1 FROM moderation_decision d
                WHERE d.comment_id = c.id AND d.action = 'approve' AND (c.edited_at IS NULL OR d.decided_at >= c.edited_at));
ALTER TABLE comment ADD CONSTRAINT comment_published_is_shown CHECK (status <> 'published' OR shown_to_readers);

-- Report rate limits count one client's recent reports.
CREATE INDEX comment_report_client_idx ON comment_report (client_address, created_at);
