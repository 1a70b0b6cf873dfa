package org.newsroom.content.shared.load;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.newsroom.content.shared.config.ContentConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One limit shared by the reads whose cost grows with the data (a search ranks every match, a feed renders fifty
 * articles, a text thread loads every reply): at most {@code content.limits.expensive-reads} run at once on an
 * instance, so they can never take every database connection from the cheap reads. One more is refused at once
 * (a 503 with Retry-After), never queued. Methods take it with {@code @ApplyGuard(ExpensiveReads.GUARD)}.
 *
 * <p>
 * The guard must hold a place until the work's database connection is given back, that is until its transaction
 * has ended; {@code @Transactional}'s interceptor runs outside the guard's, so such a method is
 * {@code @Transactional(NOT_SUPPORTED)} and opens its transaction inside, with {@link #inTransaction}.
 */
@ApplicationScoped
public class ExpensiveReads {

    public static final String GUARD = "expensive-reads";

    /** Runs a guarded read in its own transaction, which ends (and frees its connection) before the guard does. */
    public static <T> T inTransaction(Callable<T> read) {
        return QuarkusTransaction.joiningExisting().call(read);
    }

    @Produces
    @Singleton
    @Identifier(GUARD)
    Guard guard(ContentConfig config) {
        return Guard.create().withDescription(GUARD).withBulkhead().limit(config.limits().expensiveReads()).done()
                .build();
    }
}
