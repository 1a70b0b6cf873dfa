package org.newsroom.content.shared.idempotency;

import org.newsroom.content.shared.version.Version;

/**
 * What a POST answers, as an idempotency record keeps it: the outcome, the body (a record, or on a replay the first
 * answer's JSON bytes), where the made resource lives (a path under the API's base, null when nothing addressable
 * was made), its version (null on a replay: the resource may have changed since), and whether it changed anything (a
 * POST that changed nothing, such as a client's second report of one comment, is not remembered under its key).
 */
public record Posted(Outcome outcome, Object body, String location, Version version, boolean replayed,
        boolean changed) {

    /** Stored with the key as the HTTP status it is answered with. */
    public enum Outcome {

        CREATED(201), ACCEPTED(202);

        public final int status;

        Outcome(int status) {
            this.status = status;
        }

        static Outcome ofStatus(int status) {
            return status == ACCEPTED.status ? ACCEPTED : CREATED;
        }
    }

    public static Posted created(Object body, String location, Version version) {
        return new Posted(Outcome.CREATED, body, location, version, false, true);
    }

    public static Posted accepted(Object body) {
        return accepted(body, true);
    }

    /** A 202 that may have changed nothing ({@code changed} false): then no Idempotency-Key row is stored for it. */
    public static Posted accepted(Object body, boolean changed) {
        return new Posted(Outcome.ACCEPTED, body, null, null, false, changed);
    }
}
