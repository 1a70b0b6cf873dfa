package org.newsroom.content.shared.version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The versions a reader already holds: named by tag (from {@code If-None-Match}; tags compare weakly, so a weak and a
 * strong version with the same tag are the same, and {@code anything} holds every version), or else by date (from
 * {@code If-Modified-Since}). When the reader names tags, its date is not consulted (RFC 9110 §13.2.2).
 */
public record KnownVersions(boolean byTag, Set<String> tags, boolean anything, Instant notModifiedSince) {

    public static final KnownVersions NONE = new KnownVersions(false, Set.of(), false, null);

    public static KnownVersions tags(Set<String> tags, boolean anything) {
        return new KnownVersions(true, Set.copyOf(tags), anything, null);
    }

    public static KnownVersions since(Instant instant) {
        return new KnownVersions(false, Set.of(), false, instant);
    }

    public boolean includes(Version version) {
        if (byTag) {
            return anything || tags.contains(version.tag());
        }
        // Dates on the wire have whole seconds.
        return notModifiedSince != null && version.lastModified() != null
                && !version.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(notModifiedSince);
    }
}
