-- The live comment streams (comment/live) tell whether a reconnecting client's position (Last-Event-ID, a (tx, id)
-- pair) is still covered by the outbox, or purged: they compare it with the oldest transaction the outbox holds.
CREATE INDEX outbox_event_tx ON outbox_event (tx);
