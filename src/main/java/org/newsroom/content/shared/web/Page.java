package org.newsroom.content.shared.web;

import java.util.List;
import java.util.function.Function;

/** Every list answers its items and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * A page from rows fetched with one more than {@code limit}: that extra row only tells that a next page exists,
     * whose cursor is the position of the last row shown.
     */
    public static <R, T> Page<T> fromRows(List<R> rows, int limit, Function<R, T> toItem,
            Function<R, Cursor> positionOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? positionOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
