package org.newsroom.content.shared.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.newsroom.content.shared.config.ContentConfig;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One limit shared by the reads whose cost grows with the data (a search ranks every match, a feed renders fifty
 * articles, a text thread loads every reply): at most {@code content.limits.expensive-reads} run at once on an
 * instance, so they can never take every database connection from the cheap reads. One more is refused at once
 * (a 503 with Retry-After), never queued. Methods take it with {@code @ApplyGuard(ExpensiveReads.GUARD)}.
 */
@ApplicationScoped
public class ExpensiveReads {

    public static final String GUARD = "expensive-reads";

    @Produces
    @Singleton
    @Identifier(GUARD)
    Guard guard(ContentConfig config) {
        return Guard.create().withDescription(GUARD).withBulkhead().limit(config.limits().expensiveReads()).done()
                .build();
    }
}
