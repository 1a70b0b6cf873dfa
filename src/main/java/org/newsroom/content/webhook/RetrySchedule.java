package org.newsroom.content.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again: exponential backoff ({@code initial * 2^(attempt - 1)}, at most {@code max})
 * with "equal jitter" (a random point in its second half, so that subscribers that come back are not hit by every
 * instance at once and a delay never shrinks below half its step). A {@code Retry-After} (seconds or an HTTP date)
 * replaces it, up to {@code maxRetryAfter}.
 */
record RetrySchedule(Duration initial, Duration max, Duration maxRetryAfter, int maxAttempts) {

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    Duration backoff(int attempt, RandomGenerator random) {
        Duration step = max;
        if (attempt - 1 < 40) {
            Duration doubled = initial.multipliedBy(1L << Math.max(0, attempt - 1));
            step = doubled.compareTo(max) < 0 ? doubled : max;
        }
        long millis = Math.max(1, step.toMillis());
        return Duration.ofMillis(millis / 2 + random.nextLong(millis - millis / 2 + 1));
    }

    /** The wait a {@code Retry-After} asks for at {@code now}, at most {@code maxRetryAfter}; null when none. */
    Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration asked;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                asked = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                asked = maxRetryAfter;
            }
        } else {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                return null;
            }
            if (asked.isNegative()) {
                asked = Duration.ZERO;
            }
        }
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
}
