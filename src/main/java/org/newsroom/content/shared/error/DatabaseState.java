package org.newsroom.content.shared.error;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Whether the database answered the last time it was asked (by a request or by the readiness check), so that an
 * outage is logged once when it starts and once when it ends, rather than with a stack trace for every request in
 * between.
 */
@ApplicationScoped
public class DatabaseState {

    private static final Logger LOG = Logger.getLogger(DatabaseState.class);

    private final AtomicBoolean reachable = new AtomicBoolean(true);

    public void unreachable(Throwable failure) {
        if (reachable.compareAndSet(true, false)) {
            LOG.warnf("The database cannot be reached (%s); answering 503 until it can", rootMessage(failure));
        }
    }

    public void reachable() {
        if (reachable.compareAndSet(false, true)) {
            LOG.info("The database can be reached again");
        }
    }

    public boolean isReachable() {
        return reachable.get();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
