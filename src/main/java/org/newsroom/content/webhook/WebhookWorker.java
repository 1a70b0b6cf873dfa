package org.newsroom.content.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.metrics.ServiceMetrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox's events to the subscriptions, on every instance, every {@code content.webhooks.poll-every}:
 * fans new visible events out to a delivery per matching subscription, then claims the deliveries that are due (FOR
 * UPDATE SKIP LOCKED, with a lease: an instance that dies mid-send loses its claim when the lease ends), only as many
 * as it has free senders ({@code content.webhooks.concurrency}), sends them, and records each outcome. Each statement
 * is a short transaction of its own; no transaction is open while a request is on its way. Ten instances share the
 * work and never send one delivery twice at once; a delivery may be sent again only after its claim expired
 * (at-least-once, the {@code webhook-id} lets receivers drop a repeat).
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final int FAN_OUT_BATCH = 500;
    private static final int PURGE_BATCH = 1000;
    /** How long past its timeouts a claim is kept: the outcome's statement and a busy machine. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** Rounds of claims in one run: the next run (a poll period later) goes on. */
    private static final int MAX_ROUNDS = 50;

    private final ContentConfig.Webhooks settings;
    private final Clock clock;
    private final WebhookSender sender;
    private final ObjectMapper json;
    private final RetrySchedule schedule;
    private final ServiceMetrics metrics;
    private final ExecutorService sending;
    /** One permit per sender: a claim is made only for a sender that is free. */
    private final Semaphore senders;
    private final SecureRandom random = new SecureRandom();
    /** When the instance began to stop (System.nanoTime), once it has: no new claims from then on. */
    private volatile Long stoppingSince;

    public WebhookWorker(ContentConfig config, Clock clock, WebhookSender sender, ObjectMapper json,
            ServiceMetrics metrics) {
        this.metrics = metrics;
        this.settings = config.webhooks();
        this.clock = clock;
        this.sender = sender;
        this.json = json;
        this.schedule = new RetrySchedule(settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter(),
                settings.maxAttempts());
        this.senders = new Semaphore(Math.max(1, settings.concurrency()));
        AtomicInteger threads = new AtomicInteger();
        this.sending = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The instance begins to stop (SIGTERM): no new claims; the sends under way go on during the shutdown delay and
     * the draining of HTTP requests.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent stopping) {
        beginStopping();
    }

    /**
     * The application stops (the database is still there): the sends under way get until their own timeouts (connect
     * plus read, counted from when stopping began) to finish and record their outcome; one still running after that
     * is interrupted, and its claim expires with its lease (another instance sends it again).
     */
    void stop(@Observes ShutdownEvent stopped) {
        beginStopping();
        long deadline = stoppingSince + settings.connectTimeout().plus(settings.readTimeout()).toNanos();
        try {
            if (!sending.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.info("Webhook sends still under way at shutdown: interrupted, their claims expire and they are"
                        + " sent again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sending.shutdownNow();
    }

    private synchronized void beginStopping() {
        if (stoppingSince == null) {
            stoppingSince = System.nanoTime();
            sending.shutdown();
        }
    }

    @PreDestroy
    void destroy() {
        sending.shutdownNow();
    }

    @Scheduled(identity = "webhook-delivery", every = "${content.webhooks.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // The database may be away: the next run tries again.
            LOG.debugf(e, "Webhook delivery run failed");
        }
    }

    @Scheduled(identity = "webhook-purge", every = "${content.webhooks.purge-every:15m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        Purged purged = purge();
        if (purged.deliveries() + purged.events() > 0) {
            LOG.infof("Purged %s", purged);
        }
    }

    /**
     * One run: fans out what is visible, then claims as many due deliveries as there are free senders and hands them
     * over, until nothing is due or every sender is busy. It does not wait for the sends: a slow receiver keeps one
     * sender (at most its timeouts), and the next run hands the others new work.
     */
    public void run() {
        if (stoppingSince != null) {
            return;
        }
        fanOut();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int free = senders.availablePermits();
            if (free == 0 || deliverDue(free) < free) {
                return;
            }
        }
    }

    /** Fans out every event visible now; answers how many. */
    public int fanOut() {
        int total = 0;
        int taken;
        do {
            Instant now = Time.now(clock);
            taken = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.fanOut(now, FAN_OUT_BATCH));
            total += taken;
        } while (taken == FAN_OUT_BATCH);
        return total;
    }

    /** Claims up to {@code limit} due deliveries and hands each to a free sender; answers how many. */
    int deliverDue(int limit) {
        Instant now = Time.now(clock);
        Instant until = now.plus(settings.connectTimeout()).plus(settings.readTimeout()).plus(LEASE_MARGIN);
        List<WebhookDelivery.Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.claimDue(now, until, limit));
        for (WebhookDelivery.Claimed claim : claimed) {
            senders.acquireUninterruptibly();
            try {
                sending.execute(() -> {
                    try {
                        deliver(claim);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Webhook delivery %d failed unexpectedly (its claim expires and it is retried)",
                                claim.id());
                    } finally {
                        senders.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                // Stopping: the claim expires and another instance (or this one, restarted) sends it.
                senders.release();
            }
        }
        if (!claimed.isEmpty()) {
            LOG.debugf("Sent %d webhook deliveries", claimed.size());
        }
        return claimed.size();
    }

    private void deliver(WebhookDelivery.Claimed claim) {
        byte[] body = body(claim);
        Instant attemptAt = Time.now(clock);
        long timestamp = attemptAt.getEpochSecond();
        String messageId = StandardWebhooks.messageId(claim.eventId());
        WebhookSender.Attempt attempt = sender.send(claim.url(), messageId, timestamp,
                StandardWebhooks.signature(claim.secret(), messageId, timestamp, body), body);
        Instant now = Time.now(clock);
        if (attempt.delivered()) {
            metrics.webhookAttempt("delivered");
            record(claim, WebhookDelivery.DELIVERED, null, attempt, now);
        } else if (claim.attempt() >= schedule.maxAttempts()) {
            metrics.webhookAttempt("failed");
            record(claim, WebhookDelivery.FAILED, null, attempt, null);
        } else {
            metrics.webhookAttempt("retrying");
            Duration wait = schedule.retryAfter(attempt.retryAfter(), now);
            if (wait == null) {
                wait = schedule.backoff(claim.attempt(), random);
            }
            record(claim, WebhookDelivery.PENDING, Time.stored(now.plus(wait)), attempt, null);
        }
    }

    private static void record(WebhookDelivery.Claimed claim, String status, Instant next,
            WebhookSender.Attempt attempt, Instant deliveredAt) {
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.recordOutcome(claim, status,
                next, attempt.status(), attempt.error(), deliveredAt));
        if (!recorded) {
            LOG.infof("Webhook delivery %d: attempt %d is no longer its claim (the lease expired, or the subscription"
                    + " or delivery is gone); its outcome (%s) is not recorded", claim.id(), claim.attempt(), status);
        }
    }

    /** The Standard Webhooks body: the event's type, its time and the outbox's data, as bytes (what is signed). */
    byte[] body(WebhookDelivery.Claimed claim) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("type", claim.eventType());
            body.put("timestamp", claim.eventAt().toString());
            body.set("data", json.readTree(claim.data()));
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + claim.eventId() + " holds no JSON", e);
        }
    }

    /** What one purge removed. */
    public record Purged(int deliveries, int events) {
    }

    /**
     * Deletes done deliveries last tried more than {@code content.webhooks.retention} ago, then the outbox events
     * older than that with no delivery left (events that waited for no subscriber included).
     */
    public Purged purge() {
        Instant before = Time.now(clock).minus(settings.retention());
        return new Purged(inBatches(() -> WebhookDelivery.purgeDoneBefore(before, PURGE_BATCH)),
                inBatches(() -> WebhookDelivery.purgeEventsBefore(before, PURGE_BATCH)));
    }

    private static int inBatches(IntSupplier oneBatch) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(oneBatch::getAsInt);
            total += done;
        } while (done == PURGE_BATCH);
        return total;
    }
}
