package org.newsroom.content.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final long SEED = 14L;
    /** The production defaults (ContentConfig.Webhooks). */
    private static final RetrySchedule DEFAULTS = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(1), 12);

    @Test
    void backoffDoublesWithJitterInItsSecondHalfUpToTheMaximum() {
        System.out.println("RetryScheduleTest seed " + SEED);
        Random random = new Random(SEED);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long step = Math.min(10_000L << Math.min(attempt - 1, 20), 3_600_000L);
            for (int i = 0; i < 20; i++) {
                long wait = DEFAULTS.backoff(attempt, random).toMillis();
                assertTrue(wait >= step / 2 && wait <= step, "attempt " + attempt + ": " + wait + " ms");
            }
        }
    }

    @Test
    void theDefaultScheduleOutlastsASubscriberDownForAnHour() {
        Duration shortest = Duration.ZERO;
        for (int attempt = 1; attempt < DEFAULTS.maxAttempts(); attempt++) {
            // The shortest wait jitter can make: half of each step.
            Duration wait = DEFAULTS.backoff(attempt, new Random(SEED) {

                @Override
                public long nextLong(long bound) {
                    return 0;
                }
            });
            shortest = shortest.plus(wait);
        }
        assertTrue(shortest.compareTo(Duration.ofHours(1)) > 0, "the last attempt comes after " + shortest);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateIsHonouredUpToItsMaximum() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        assertEquals(Duration.ofSeconds(120), DEFAULTS.retryAfter("120", now));
        assertEquals(Duration.ofSeconds(90), DEFAULTS.retryAfter("Sun, 29 Nov 2026 12:01:30 GMT", now));
        assertEquals(Duration.ZERO, DEFAULTS.retryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now));
        assertEquals(Duration.ofHours(1), DEFAULTS.retryAfter("86400", now));
        assertEquals(Duration.ofHours(1), DEFAULTS.retryAfter("99999999999999999999999", now));
        assertNull(DEFAULTS.retryAfter(null, now));
        assertNull(DEFAULTS.retryAfter("soon", now));
        assertNull(DEFAULTS.retryAfter("-5", now));
    }
}
