package org.newsroom.content.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One event on its way to one subscriber (V12): pending until a 2xx answer ({@code delivered}) or the last attempt
 * ({@code failed}). The claims, the fan-out and the purge are set-based statements in {@link DeliveryQueue}.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public long subscriptionId;

    @Column(name = "event_id")
    public long eventId;

    @Column(name = "event_type")
    public String eventType;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static Optional<WebhookDelivery> findInSubscription(long subscriptionId, long deliveryId) {
        return find("id = ?1 and subscriptionId = ?2", deliveryId, subscriptionId).firstResultOptional();
    }

    /** Newest first, {@code limit} of them after the delivery {@code beforeId} (exclusive; null from the newest). */
    public static List<WebhookDelivery> listNewestFirst(long subscriptionId, Long beforeId, int limit) {
        return (beforeId == null
                ? find("subscriptionId = ?1 order by id desc", subscriptionId)
                : find("subscriptionId = ?1 and id < ?2 order by id desc", subscriptionId, beforeId))
                .page(0, limit).list();
    }

    /**
     * Fans out up to {@code batch} events that are visible at {@code now} and not yet fanned out: a pending delivery
     * for each subscription that wants its type and existed when the event became visible. Events another instance is
     * fanning out are skipped (FOR UPDATE SKIP LOCKED), so none is fanned out twice. Answers how many events it took.
     */
    public static int fanOut(Instant now, int batch) {
        Object taken = getEntityManager().createNativeQuery("WITH due AS ("
                + " SELECT id, type, visible_at FROM outbox_event WHERE NOT fanned_out AND visible_at <= :now"
                + " ORDER BY visible_at, id LIMIT :batch FOR UPDATE SKIP LOCKED),"
                + " marked AS (UPDATE outbox_event e SET fanned_out = true FROM due WHERE e.id = due.id RETURNING e.id),"
                + " made AS (INSERT INTO webhook_delivery (subscription_id, event_id, event_type, next_attempt_at,"
                + " created_at) SELECT s.id, due.id, due.type, :now, :now FROM due JOIN webhook_subscription s"
                + " ON due.type = ANY (s.event_types) AND s.created_at <= due.visible_at"
                + " ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id)"
                + " SELECT count(*) FROM marked")
                .setParameter("now", now).setParameter("batch", batch).getSingleResult();
        return ((Number) taken).intValue();
    }

    /** A delivery claimed by this instance until {@code claimedUntil}, with what it sends. */
    public record Claimed(long id, int attempt, Instant claimedUntil, long subscriptionId, String url, String secret,
            long eventId, String eventType, String data, Instant eventAt) {
    }

    /**
     * Claims up to {@code limit} pending deliveries that are due and not claimed by another instance (or whose claim
     * expired: that instance stopped mid-send), until {@code claimedUntil}. Counts the attempt.
     */
    @SuppressWarnings("unchecked")
    public static List<Claimed> claimDue(Instant now, Instant claimedUntil, int limit) {
        return getEntityManager().createNativeQuery("WITH claimed AS (UPDATE webhook_delivery d"
                + " SET attempts = d.attempts + 1, claimed_until = :until, last_attempt_at = :now"
                + " FROM (SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= :now"
                + " AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY next_attempt_at, id LIMIT :limit"
                + " FOR UPDATE SKIP LOCKED) due, webhook_subscription s, outbox_event e"
                + " WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id"
                + " RETURNING d.id, d.attempts, d.subscription_id, s.url, s.secret, e.id AS event_id, e.type,"
                + " CAST(e.data AS text) AS data, e.visible_at)"
                + " SELECT id, attempts, subscription_id, url, secret, event_id, type, data, visible_at FROM claimed")
                .unwrap(NativeQuery.class).addScalar("id", Long.class).addScalar("attempts", Integer.class)
                .addScalar("subscription_id", Long.class).addScalar("url", String.class)
                .addScalar("secret", String.class).addScalar("event_id", Long.class).addScalar("type", String.class)
                .addScalar("data", String.class).addScalar("visible_at", Instant.class)
                .setTupleTransformer((row, aliases) -> new Claimed((Long) row[0], (Integer) row[1], claimedUntil,
                        (Long) row[2], (String) row[3], (String) row[4], (Long) row[5], (String) row[6],
                        (String) row[7], (Instant) row[8]))
                .setParameter("now", now).setParameter("until", claimedUntil).setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Records the outcome of a claimed attempt: {@code status} with the next attempt's time (pending) or none. Only
     * while the claim is still this one (same attempt, same lease): a claim that expired and was taken over records
     * nothing. Answers whether it was recorded.
     */
    public static boolean recordOutcome(Claimed claim, String status, Instant nextAttemptAt, Integer lastStatus,
            String lastError, Instant deliveredAt) {
        return getEntityManager().createNativeQuery("UPDATE webhook_delivery SET status = :status,"
                + " next_attempt_at = :next, claimed_until = NULL, last_status = :code, last_error = :error,"
                + " delivered_at = :delivered WHERE id = :id AND attempts = :attempt AND claimed_until = :until")
                .setParameter("status", status).setParameter("next", nextAttemptAt)
                .setParameter("code", lastStatus).setParameter("error", lastError)
                .setParameter("delivered", deliveredAt).setParameter("id", claim.id())
                .setParameter("attempt", claim.attempt()).setParameter("until", claim.claimedUntil())
                .executeUpdate() == 1;
    }

    /** Deletes up to {@code batch} done deliveries (delivered or failed) last tried before {@code before}. */
    public static int purgeDoneBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM"
                + " webhook_delivery WHERE status <> 'pending' AND last_attempt_at < :before LIMIT :batch)")
                .setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }

    /**
     * Deletes up to {@code batch} outbox events created before {@code before} that were fanned out and have no
     * delivery left (none pending, the done ones purged).
     */
    public static int purgeEventsBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE id IN (SELECT e.id FROM"
                + " outbox_event e WHERE e.created_at < :before AND e.fanned_out AND NOT EXISTS (SELECT 1 FROM"
                + " webhook_delivery d WHERE d.event_id = e.id) LIMIT :batch)")
                .setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }

    /** Queued again from the start of the retry schedule (a redelivery an editor asked for). */
    public void requeue(Instant now) {
        status = PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimedUntil = null;
        deliveredAt = null;
    }
}
