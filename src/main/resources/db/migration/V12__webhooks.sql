-- Signed webhooks delivered from the outbox (issue 14): subscriptions, and one delivery row per event and subscriber.

CREATE TABLE webhook_subscription (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    -- Wire names of outbox_event.type; never empty.
    event_types text[]      NOT NULL CHECK (cardinality(event_types) > 0),
    description text        CHECK (length(description) <= 500),
    -- whsec_<base64>: the service signs with it, so it is kept (shown to the editor once, at creation).
    secret      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Whether an event has been fanned out to a delivery per matching subscription. Events wait for their visible_at (a
-- scheduled publication's time); the fan-out takes them with FOR UPDATE SKIP LOCKED, so that any instance may do it
-- and no event is fanned out twice.
ALTER TABLE outbox_event ADD COLUMN fanned_out boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_event_to_fan_out ON outbox_event (visible_at, id) WHERE NOT fanned_out;

CREATE TABLE webhook_delivery (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    -- The outbox keeps an event until every delivery of it is done and the retention has passed.
    event_id        bigint      NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
    -- The event's type, copied so that a subscription's deliveries list in one statement.
    event_type      text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    -- Attempts made so far; also the token of the current claim (a claim increments it, its outcome names it).
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    -- An instance that claimed the delivery holds it until then: one that crashed mid-send loses its claim.
    claimed_until   timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, id);
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id);
CREATE INDEX webhook_delivery_done ON webhook_delivery (last_attempt_at) WHERE status <> 'pending';
