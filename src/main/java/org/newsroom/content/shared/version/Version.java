package org.newsroom.content.shared.version;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.newsroom.content.shared.Hashing;

/**
 * The version of one representation: an opaque tag that changes whenever the representation does, and when it last
 * changed. Caching, preconditions and revalidation are all built on it. A {@code weak} version stands for a
 * representation that is equivalent, not byte-identical, between two reads of the same tag (lists, feeds).
 */
public record Version(String tag, Instant lastModified, boolean weak) {

    /** The version of one stored row: its kind's letter, its id and its row version (the {@code @Version} column). */
    public static Version ofRow(String kind, long id, long rowVersion, Instant lastModified) {
        return new Version(kind + id + "." + rowVersion, lastModified, false);
    }

    /**
     * A weak version standing for {@code signature}, which names everything the representation is made of (its rows'
     * ids and versions, its filters); {@code kind} tells representations of the same rows apart.
     */
    public static Version ofSignature(String kind, String signature, Instant lastModified) {
        byte[] digest = Hashing.sha256(signature.getBytes(StandardCharsets.UTF_8));
        return new Version(kind + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22),
                lastModified, true);
    }

    /** Another representation of the same state (the plain text of an article, say): its own tag. */
    public Version variant(String suffix) {
        return new Version(tag + suffix, lastModified, weak);
    }
}
