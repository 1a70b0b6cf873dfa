package org.newsroom.content.shared.web;

import java.util.List;
import java.util.function.Function;

/** Every list answers its items and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) implements Paged {

    /** The kind of a list's weak version: its JSON. */
    public static final String JSON = "l";
    /** The kind of a list's weak version: its plain text. */
    public static final String TEXT = "t";

    @Override
    public Object entity() {
        return this;
    }

    /**
     * A page from rows fetched with one more than {@code limit}: that extra row only tells that a next page exists,
     * whose cursor is the position of the last row shown. {@code versionOf} names what makes a row's representation
     * (its id and version), for the page's signature.
     */
    public static <R, T> Listed<T> fromRows(List<R> rows, int limit, Function<R, T> toItem,
            Function<R, Cursor> positionOf, Function<R, String> versionOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? positionOf.apply(shown.get(shown.size() - 1)).encode() : null;
        StringBuilder signature = new StringBuilder();
        shown.forEach(row -> signature.append(versionOf.apply(row)).append(';'));
        signature.append(next);
        return new Listed<>(new Page<>(shown.stream().map(toItem).toList(), next), signature.toString());
    }

    /** A whole list in one page. */
    public static <T> Listed<T> whole(List<T> items, String signature) {
        return new Listed<>(new Page<>(items, null), signature);
    }
}
