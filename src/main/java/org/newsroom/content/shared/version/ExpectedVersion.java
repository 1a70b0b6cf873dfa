package org.newsroom.content.shared.version;

import java.util.Set;

/**
 * The version a writer says it is changing (from {@code If-Match}): a write without one is refused, and so is one
 * whose version is no longer current. Only strong tags can match (RFC 9110 §13.1.1); {@code anything} matches any.
 */
public record ExpectedVersion(Set<String> strongTags, boolean anything, boolean stated) {

    public static final ExpectedVersion NONE = new ExpectedVersion(Set.of(), false, false);

    public static ExpectedVersion of(Set<String> strongTags, boolean anything) {
        return new ExpectedVersion(Set.copyOf(strongTags), anything, true);
    }

    /** Passes when {@code current} is what the writer expects; otherwise throws the domain exception that says why. */
    public void check(Version current) {
        if (!stated) {
            throw new VersionRequiredException();
        }
        if (!anything && (current.weak() || !strongTags.contains(current.tag()))) {
            throw new StaleVersionException(current);
        }
    }
}
