package org.newsroom.content.comment;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.RetryLaterException;

/**
 * Comments per client address, a minute and an hour (docs/http-api.md §5), counted from the comment table itself, so that
 * every instance sees the same counts. A per-client advisory lock makes concurrent posts of one client count each
 * other; it is released when the posting transaction ends.
 */
@ApplicationScoped
public class RateLimiter {

    private final ContentConfig config;

    public RateLimiter(ContentConfig config) {
        this.config = config;
    }

    public void check(String clientAddress, Instant now) {
        Comment.lockClient(clientAddress);
        checkWindow(clientAddress, now, Duration.ofMinutes(1), config.comments().rateLimit().perMinute(), "a minute");
        checkWindow(clientAddress, now, Duration.ofHours(1), config.comments().rateLimit().perHour(), "an hour");
    }

    private static void checkWindow(String clientAddress, Instant now, Duration window, int allowed, String unit) {
        Instant since = now.minus(window);
        if (Comment.countByClientSince(clientAddress, since) < allowed) {
            return;
        }
        // A place frees up when the oldest of the last `allowed` comments leaves the window.
        Instant oldestCounted = Comment.nthNewestByClientSince(clientAddress, since, allowed).orElse(now);
        long retryAfter = Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1;
        throw new RetryLaterException(ErrorCode.RATE_LIMITED,
                "At most " + allowed + " comments " + unit + " from one address", retryAfter);
    }
}
