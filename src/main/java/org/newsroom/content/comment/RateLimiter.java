package org.newsroom.content.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.RetryLaterException;

/**
 * Comments, and reports, per client, a minute and an hour (docs/http-api.md §5), each counted from its own table, so
 * that every instance sees the same counts. A per-client advisory lock makes concurrent writes of one client count
 * each other; it is released when the writing transaction ends.
 */
@ApplicationScoped
public class RateLimiter {

    /** What is counted: each kind has its own count, with the same limits. */
    public enum Counted {

        COMMENTS("comments") {

            @Override
            long countSince(String client, Instant since) {
                return Comment.countByClientSince(client, since);
            }

            @Override
            Optional<Instant> nthNewestSince(String client, Instant since, int n) {
                return Comment.nthNewestByClientSince(client, since, n);
            }
        },
        REPORTS("reports") {

            @Override
            long countSince(String client, Instant since) {
                return CommentReport.countByClientSince(client, since);
            }

            @Override
            Optional<Instant> nthNewestSince(String client, Instant since, int n) {
                return CommentReport.nthNewestByClientSince(client, since, n);
            }
        };

        private final String noun;

        Counted(String noun) {
            this.noun = noun;
        }

        abstract long countSince(String client, Instant since);

        /** The n-th newest one of a client's (1 = newest), to tell when a window frees a place. */
        abstract Optional<Instant> nthNewestSince(String client, Instant since, int n);
    }

    private final ContentConfig config;

    public RateLimiter(ContentConfig config) {
        this.config = config;
    }

    /** Makes this client's writes of this kind take turns until the transaction ends. */
    public void lock(Counted counted, String clientAddress) {
        Comment.lockClient(counted.noun + " from " + clientAddress);
    }

    /** Passes while the client is under both limits; else a 429 with the seconds until a place frees up. */
    public void check(Counted counted, String clientAddress, Instant now) {
        lock(counted, clientAddress);
        checkWindow(counted, clientAddress, now, Duration.ofMinutes(1), config.comments().rateLimit().perMinute(),
                "a minute");
        checkWindow(counted, clientAddress, now, Duration.ofHours(1), config.comments().rateLimit().perHour(),
                "an hour");
    }

    private static void checkWindow(Counted counted, String clientAddress, Instant now, Duration window, int allowed,
            String unit) {
        Instant since = now.minus(window);
        if (counted.countSince(clientAddress, since) < allowed) {
            return;
        }
        // A place frees up when the oldest of the last `allowed` leaves the window.
        Instant oldestCounted = counted.nthNewestSince(clientAddress, since, allowed).orElse(now);
        long retryAfter = Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1;
        throw new RetryLaterException(ErrorCode.RATE_LIMITED,
                "At most " + allowed + " " + counted.noun + " " + unit + " from one address", retryAfter);
    }
}
