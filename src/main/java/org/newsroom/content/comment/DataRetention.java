package org.newsroom.content.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotencyRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Data kept no longer than needed (README: Security and privacy), purged every {@code content.privacy.purge-every}:
 * idempotency answers older than 24 hours; the client addresses of comments and reports older than the address
 * retention (they serve the rate limits and the repeat rule, which look back an hour and the repeat window at most);
 * reports older than the report retention (the comment keeps its report count and its hold).
 *
 * <p>
 * Safe with several instances: every statement only deletes or clears what is old, so two instances purging at once
 * do the same work twice at worst; each batch is a short transaction of its own, so no statement holds many rows.
 */
@ApplicationScoped
public class DataRetention {

    private static final Logger LOG = Logger.getLogger(DataRetention.class);
    /** The hourly rate limit's window: the longest fixed rule that reads client addresses. */
    private static final Duration RATE_LIMIT_WINDOW = Duration.ofHours(1);

    private final ContentConfig config;
    private final Clock clock;

    public DataRetention(ContentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What one purge removed. */
    public record Purged(int idempotencyKeys, int commentAddresses, int reportAddresses, int reports) {
    }

    @Scheduled(identity = "data-retention", every = "${content.privacy.purge-every:15m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge();
        if (purged.idempotencyKeys() + purged.commentAddresses() + purged.reportAddresses() + purged.reports() > 0) {
            LOG.infof("Purged %s", purged);
        }
    }

    public Purged purge() {
        Instant now = Time.now(clock);
        int batch = config.privacy().purgeBatchSize();
        Instant addressesBefore = now.minus(addressRetention());
        return new Purged(
                inBatches(() -> IdempotencyRecord.purgeOlderThan(now.minus(Idempotency.KEPT_FOR), batch), batch),
                inBatches(() -> Comment.forgetAddressesBefore(addressesBefore, batch), batch),
                inBatches(() -> CommentReport.forgetAddressesBefore(addressesBefore, batch), batch),
                inBatches(() -> CommentReport.purgeBefore(now.minus(config.privacy().reportRetention()), batch),
                        batch));
    }

    /** The configured retention, or longer if a rule that reads addresses looks further back. */
    public Duration addressRetention() {
        Duration retention = config.privacy().addressRetention();
        for (Duration needed : new Duration[]{RATE_LIMIT_WINDOW, config.comments().repeatWindow()}) {
            if (needed.compareTo(retention) > 0) {
                retention = needed;
            }
        }
        return retention;
    }

    private static int inBatches(IntSupplier oneBatch, int batch) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(oneBatch::getAsInt);
            total += done;
        } while (done == batch);
        return total;
    }
}
