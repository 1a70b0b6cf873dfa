package org.newsroom.content.comment.live;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place in an article's stream of outbox events, in the order they are sent: {@code (tx, id)}, the writing
 * transaction and the row's identity. Sent as the SSE {@code id} ({@code <tx>-<id>}) and read back from
 * {@code Last-Event-ID}. A horizon {@code (H, 0)} means every event of a transaction older than {@code H} has been
 * seen (identity ids start at 1, so no event sits at it).
 */
record StreamPosition(long tx, long id) implements Comparable<StreamPosition> {

    private static final Pattern WIRE = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    static StreamPosition horizon(long tx) {
        return new StreamPosition(tx, 0);
    }

    /** The position a {@code Last-Event-ID} names; empty when it is not one this service sends. */
    static Optional<StreamPosition> parse(String wire) {
        if (wire == null || !WIRE.matcher(wire).matches()) {
            return Optional.empty();
        }
        String[] parts = wire.split("-");
        try {
            return Optional.of(new StreamPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String wire() {
        return tx + "-" + id;
    }

    @Override
    public int compareTo(StreamPosition other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(id, other.id);
    }

    boolean isAfter(StreamPosition other) {
        return compareTo(other) > 0;
    }

    static StreamPosition max(StreamPosition a, StreamPosition b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
