package org.newsroom.content.shared.version;

/** A write that does not say which version it changes: it could overwrite what its author never saw. */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("This write needs the version it changes", null, false, false);
    }
}
