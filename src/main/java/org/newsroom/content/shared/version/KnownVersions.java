package org.newsroom.content.shared.version;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
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

    /**
     * The tags an {@code If-None-Match} value names, weak or strong alike ({@code W/"a1.2"} holds the tag
     * {@code a1.2}), and whether it is {@code *}; a candidate that is not a quoted tag names nothing.
     */
    public static KnownVersions ofIfNoneMatch(String ifNoneMatch) {
        Set<String> tags = new HashSet<>();
        boolean anything = false;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            anything |= tag.equals("*");
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"")) {
                tags.add(opaque.substring(1, opaque.length() - 1));
            }
        }
        return tags(tags, anything);
    }

    /**
     * The versions a request's caller holds: the tags of {@code If-None-Match} (weak or strong alike), else the date
     * of {@code If-Modified-Since}; an unreadable date is ignored, as RFC 9110 says. Either header may be null.
     */
    public static KnownVersions ofRequest(String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return ofIfNoneMatch(ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            return httpDate(ifModifiedSince).map(KnownVersions::since).orElse(NONE);
        }
        return NONE;
    }

    /** An HTTP date ({@code Sun, 06 Nov 1994 08:49:37 GMT}); empty when it is not one. */
    public static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static KnownVersions since(Instant instant) {
        return new KnownVersions(false, Set.of(), false, instant);
    }

    public boolean includes(Version version) {
        if (byTag) {
            return includesTag(version.tag());
        }
        // Dates on the wire have whole seconds.
        return notModifiedSince != null && version.lastModified() != null
                && !version.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(notModifiedSince);
    }

    /** Whether the reader named this tag (or {@code *}); never by date. */
    public boolean includesTag(String tag) {
        return byTag && (anything || tags.contains(tag));
    }
}
