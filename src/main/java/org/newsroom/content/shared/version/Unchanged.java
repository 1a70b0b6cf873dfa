package org.newsroom.content.shared.version;

/** The caller's copy is current: only the version is answered, and the representation was never built. */
public record Unchanged<T>(Version version, Audience audience) implements Read<T> {
}
