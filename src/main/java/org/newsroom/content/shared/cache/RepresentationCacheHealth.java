package org.newsroom.content.shared.cache;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The representation cache's counts in {@code /q/health/ready}. Always UP: an instance that cannot listen to
 * PostgreSQL's notifications serves from the database, slower but correct, and must stay in rotation.
 */
@Readiness
@ApplicationScoped
public class RepresentationCacheHealth implements HealthCheck {

    private final RepresentationCache cache;

    public RepresentationCacheHealth(RepresentationCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        RepresentationCache.Statistics statistics = cache.statistics();
        return HealthCheckResponse.named("Representation cache").up()
                .withData("enabled", cache.enabled())
                .withData("serving", statistics.serving())
                .withData("hits", statistics.hits())
                .withData("misses", statistics.misses())
                .withData("stored", statistics.stored())
                .withData("evictions", statistics.evictions())
                .withData("entries", statistics.entries())
                .withData("bytes", statistics.bytes())
                .build();
    }
}
