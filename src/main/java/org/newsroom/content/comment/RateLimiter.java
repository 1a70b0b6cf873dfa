package org.newsroom.content.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.RetryLaterException;
import org.newsroom.content.shared.metrics.ServiceMetrics;

/**
 * Comments, and reports, per client, a minute and an hour (docs/http-api.md §5), each counted from its own table, so
 * that every instance sees the same counts. A per-client advisory lock makes concurrent writes of one client count
 * each other; it is released when the writing transaction ends. Both windows are decided from one statement that
 * reads at most as many rows as the larger limit: the check costs the same for a client with a long history as for a
 * new one.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    /** What is counted: each kind has its own count, with the same limits. */
    public enum Counted {

        COMMENTS("comments") {

            @Override
            List<Instant> newestSince(String client, Instant since, int max) {
                return Comment.newestByClientSince(client, since, max);
            }
        },
        REPORTS("reports") {

            @Override
            List<Instant> newestSince(String client, Instant since, int max) {
                return CommentReport.newestByClientSince(client, since, max);
            }
        };

        private final String noun;

        Counted(String noun) {
            this.noun = noun;
        }

        /** The client's creation times since {@code since}, newest first, at most {@code max}. */
        abstract List<Instant> newestSince(String client, Instant since, int max);
    }

    private final ContentConfig config;
    private final ServiceMetrics metrics;

    public RateLimiter(ContentConfig config, ServiceMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Makes this client's writes of this kind take turns until the transaction ends. */
    public void lock(Counted counted, String clientAddress) {
        Comment.lockClient(counted.noun + " from " + clientAddress);
    }

    /** Passes while the client is under both limits; else a 429 with the seconds until a place frees up. */
    public void check(Counted counted, String clientAddress, Instant now) {
        lock(counted, clientAddress);
        int perMinute = config.comments().rateLimit().perMinute();
        int perHour = config.comments().rateLimit().perHour();
        // The minute's writes are the newest of the hour's, so one read of the hour serves both windows.
        List<Instant> newest = counted.newestSince(clientAddress, now.minus(HOUR), Math.max(perMinute, perHour));
        List<Instant> lastMinute = newest.stream().filter(created -> !created.isBefore(now.minus(MINUTE))).toList();
        checkWindow(counted, lastMinute, now, MINUTE, perMinute, "a minute");
        checkWindow(counted, newest, now, HOUR, perHour, "an hour");
    }

    private void checkWindow(Counted counted, List<Instant> newestInWindow, Instant now, Duration window, int allowed,
            String unit) {
        if (newestInWindow.size() < allowed) {
            return;
        }
        metrics.rateLimited(counted == Counted.REPORTS);
        // A place frees up when the oldest of the last `allowed` leaves the window.
        Instant oldestCounted = newestInWindow.get(allowed - 1);
        long retryAfter = Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1;
        throw new RetryLaterException(ErrorCode.RATE_LIMITED,
                "At most " + allowed + " " + counted.noun + " " + unit + " from one address", retryAfter);
    }
}
