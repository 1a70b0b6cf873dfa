package org.newsroom.content.shared.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the HTTP server's request durations ({@code http_server_requests_seconds_bucket}): fixed
 * service-level objectives from a cached read (under a millisecond) to a slow search (the statement timeout is 2 s),
 * so that p50/p99 and "share under 100 ms" can be computed in Prometheus across instances. Fixed buckets, not
 * Micrometer's percentile histogram (about 70 buckets per series): 12 per route, method and status.
 */
public class LatencyBuckets {

    static final Duration[] OBJECTIVES = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] nanos = Stream.of(OBJECTIVES).mapToDouble(Duration::toNanos).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
