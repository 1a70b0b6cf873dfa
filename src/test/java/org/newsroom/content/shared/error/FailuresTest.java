package org.newsroom.content.shared.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Failures are recognised by their reason, however the layers above wrapped it. */
class FailuresTest {

    @Test
    void aLostConnectionIsTheDatabaseUnreachableWhereverItSits() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertEquals(Failures.Kind.DATABASE_UNREACHABLE, Failures.classify(refused));
        assertEquals(Failures.Kind.DATABASE_UNREACHABLE,
                Failures.classify(new RuntimeException(new JDBCConnectionException("could not open", refused))));
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertEquals(Failures.Kind.DATABASE_UNREACHABLE, Failures.classify(new IllegalStateException(shutdown)));
    }

    @Test
    void aCommitCutOffByTheShutdownCarriesItsReasonAsASuppressedException() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("XAException");
        xa.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertEquals(Failures.Kind.DATABASE_UNREACHABLE, Failures.classify(new RuntimeException(rollback)));
    }

    @Test
    void aFullPoolATimeoutAndARaceAtCommitAreEachRecognised() {
        assertEquals(Failures.Kind.NO_CONNECTION, Failures.classify(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(Failures.Kind.NO_CONNECTION,
                Failures.classify(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(Failures.Kind.TOO_SLOW,
                Failures.classify(new SQLException("canceling statement due to statement timeout", "57014")));
        RollbackException atCommit = new RollbackException("at commit");
        atCommit.initCause(new OptimisticLockException("row changed"));
        assertEquals(Failures.Kind.CONCURRENT_CHANGE, Failures.classify(new RuntimeException(atCommit)));
    }

    @Test
    void anythingElseIsABug() {
        assertEquals(Failures.Kind.OTHER, Failures.classify(new IllegalStateException("a bug")));
        assertEquals(Failures.Kind.OTHER, Failures.classify(new SQLException("syntax error", "42601")));
    }
}
