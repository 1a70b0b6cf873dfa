package org.newsroom.content.shared.web;

import java.time.Instant;

import org.newsroom.content.shared.version.Version;

/**
 * A list page and its signature: the rows' ids and versions and the next cursor, all a representation of the page is
 * made of. Its version is derived from the signature, so a client's copy revalidates without serialising the page.
 */
public record Listed<T>(Page<T> page, String signature) {

    /** The weak version of the page's JSON; {@code kind} gives another representation of it (text) its own. */
    public Version version(String kind) {
        return Version.ofSignature(kind, signature, (Instant) null);
    }
}
