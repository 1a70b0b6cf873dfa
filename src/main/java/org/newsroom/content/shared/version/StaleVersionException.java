package org.newsroom.content.shared.version;

/** A write based on a version that is no longer current: someone changed the resource since its author read it. */
public class StaleVersionException extends RuntimeException {

    private final Version current;

    public StaleVersionException(Version current) {
        super("The resource has changed since it was read", null, false, false);
        this.current = current;
    }

    public Version current() {
        return current;
    }
}
