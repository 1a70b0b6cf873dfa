package org.newsroom.content.webhook;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.metrics.ServiceMetrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The webhook backlog for the metrics, counted every {@code content.webhooks.backlog-every} in one statement (a
 * scrape reads the last count and never touches the database): deliverable events not yet fanned out, and deliveries
 * not yet delivered. Both counts use the partial indexes of V12. An event is due by the service's clock, as the fan-out
 * decides it ({@link WebhookDelivery}), not by the database's: the two never disagree on what is waiting.
 */
@ApplicationScoped
public class WebhookBacklog {

    private static final Logger LOG = Logger.getLogger(WebhookBacklog.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();

    public WebhookBacklog(EntityManager entityManager, Clock clock, ServiceMetrics metrics) {
        this.entityManager = entityManager;
        this.clock = clock;
        metrics.webhookBacklog(events::get, deliveries::get);
    }

    @Scheduled(identity = "webhook-backlog", every = "${content.webhooks.backlog-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            count();
        } catch (RuntimeException e) {
            // The database may be away: the gauges keep the last count until the next run.
            LOG.debugf(e, "Counting the webhook backlog failed");
        }
    }

    /** Counts both now. */
    public void count() {
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT (SELECT count(*) FROM outbox_event WHERE NOT fanned_out AND visible_at <= :now),"
                        + " (SELECT count(*) FROM webhook_delivery WHERE status = 'pending')")
                .setParameter("now", Time.now(clock)).getSingleResult());
        events.set(((Number) counts[0]).longValue());
        deliveries.set(((Number) counts[1]).longValue());
    }
}
