-- The transactional outbox (issue 14): one row per public event, written by the service in the same transaction as
-- the change it describes, so that an event exists if and only if its change committed. Webhook deliveries and the
-- live comment streams read it; delivered events are purged after a configurable time.
CREATE TABLE outbox_event (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- article.published | article.updated | article.unpublished | article.deleted
    -- comment.published | comment.held | comment.updated | comment.deleted | moderation.decided
    type       text        NOT NULL,
    -- No foreign key: an article's deletion is itself an event, and its events outlive it.
    article_id bigint      NOT NULL,
    comment_id bigint,
    -- The "data" of the webhook body: the resource's id, slug, version, status and the purge keys it invalidates.
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    -- When the event may be delivered: its creation, or a scheduled publication's time.
    visible_at timestamptz NOT NULL,
    -- The writing transaction. Identity values are taken in one order and committed in another; readers that must
    -- not skip an event (a stream resuming after Last-Event-ID) only pass events whose transaction is older than
    -- every transaction still running (pg_snapshot_xmin(pg_current_snapshot())), in (tx, id) order.
    tx         xid8        NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX outbox_event_article ON outbox_event (article_id, tx, id);
CREATE INDEX outbox_event_created ON outbox_event (created_at);
