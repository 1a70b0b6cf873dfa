package org.newsroom.content.shared.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

/**
 * What an unexpected exception means for the client, wherever in its chain of causes the reason sits: Hibernate,
 * the transaction manager and CDI each wrap what they catch, so the type that arrives says little.
 */
final class Failures {

    enum Kind {
        /** PostgreSQL cannot be reached, or went away mid-transaction. */
        DATABASE_UNREACHABLE,
        /** No database connection was free in time. */
        NO_CONNECTION,
        /** A statement ran past the statement timeout. */
        TOO_SLOW,
        /** Another transaction changed the same row first. */
        CONCURRENT_CHANGE,
        /** Anything else: a bug. */
        OTHER
    }

    /** Chains are short; a cycle through suppressed exceptions must not loop. */
    private static final int MAX_DEPTH = 32;

    private Failures() {
    }

    static Kind classify(Throwable failure) {
        return classify(failure, 0);
    }

    /**
     * Along the causes, and the suppressed exceptions too: a commit cut off by the database's shutdown carries the
     * connection error only as a suppressed exception of the transaction manager's RollbackException.
     */
    private static Kind classify(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = next(cause), depth++) {
            Kind kind = kindOf(cause);
            for (Throwable suppressed : cause.getSuppressed()) {
                kind = kind != Kind.OTHER ? kind : classify(suppressed, depth + 1);
            }
            if (kind != Kind.OTHER) {
                return kind;
            }
        }
        return Kind.OTHER;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static Kind kindOf(Throwable cause) {
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return Kind.CONCURRENT_CHANGE;
        }
        if (cause instanceof SQLException sql) {
            return kindOf(sql);
        }
        return Kind.OTHER;
    }

    private static Kind kindOf(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08: connection exceptions; 57P01..57P03: the server is shutting down, or starting.
        if (state.startsWith("08") || state.startsWith("57P") || sql instanceof SQLTransientConnectionException) {
            return Kind.DATABASE_UNREACHABLE;
        }
        if (state.equals("57014")) {
            return Kind.TOO_SLOW;
        }
        // Agroal's pool: "Sorry, acquisition timeout!" when every connection stays taken, "Acquisition timeout while
        // waiting for new connection" when a new one is not made in time.
        if (sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
            return Kind.NO_CONNECTION;
        }
        return Kind.OTHER;
    }
}
