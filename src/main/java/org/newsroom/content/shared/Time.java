package org.newsroom.content.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock, injected wherever time matters so that tests can move it instead of sleeping. PostgreSQL
 * keeps microseconds: instants are cut to that so what is answered equals what is stored.
 */
@ApplicationScoped
public class Time {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
