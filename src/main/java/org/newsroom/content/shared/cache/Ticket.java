package org.newsroom.content.shared.cache;

import java.time.Instant;

/**
 * A request that may store what it builds: its key, where the cache's change count stood and the time when it started
 * (before it read anything), and what the read says it depends on (set through {@link ReadDependencies}).
 */
final class Ticket {

    private final CacheKey key;
    private final long builtAt;
    private final long startedNanos;
    private final Instant startedAt;
    private Dependency dependency;
    private Prepared prepared;

    Ticket(CacheKey key, long builtAt, long startedNanos, Instant startedAt) {
        this.key = key;
        this.builtAt = builtAt;
        this.startedNanos = startedNanos;
        this.startedAt = startedAt;
    }

    CacheKey key() {
        return key;
    }

    long builtAt() {
        return builtAt;
    }

    long startedNanos() {
        return startedNanos;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** What the read named; {@link Dependency#everything()} when it named nothing. */
    Dependency dependency() {
        return dependency == null ? Dependency.everything() : dependency;
    }

    void dependOn(Dependency named) {
        dependency = dependency == null ? named : dependency.and(named);
    }

    /** The representation as the response filter prepared it; null when it had none to keep. */
    Prepared prepared() {
        return prepared;
    }

    void prepared(Prepared representation) {
        prepared = representation;
    }
}
