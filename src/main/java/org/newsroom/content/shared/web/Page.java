package org.newsroom.content.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Every list answers its items and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * A page from rows fetched with one more than {@code limit}: that extra row only tells that a next page exists,
     * whose cursor is the position of the last row shown. {@code versionOf} names what makes a row's representation
     * (its id and version), for the page's weak ETag.
     */
    public static <R, T> Listed<T> fromRows(List<R> rows, int limit, Function<R, T> toItem,
            Function<R, Cursor> positionOf, Function<R, String> versionOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? positionOf.apply(shown.get(shown.size() - 1)).encode() : null;
        StringBuilder signature = new StringBuilder();
        shown.forEach(row -> signature.append(versionOf.apply(row)).append(';'));
        signature.append(next);
        return new Listed<>(new Page<>(shown.stream().map(toItem).toList(), next), weakEtag(signature.toString()));
    }

    /** A weak ETag standing for {@code signature}: what a representation is made of. */
    public static String weakEtag(String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8));
            return "W/\"l" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
