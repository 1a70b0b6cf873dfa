package org.newsroom.content.shared.version;

/** A representation with its version and audience: what every write answers, and a read the caller lacks. */
public record Versioned<T>(T body, Version version, Audience audience) implements Read<T> {

    /** What a write answers: only its author has seen it so far. */
    public static <T> Versioned<T> written(T body, Version version) {
        return new Versioned<>(body, version, Audience.PRIVATE);
    }
}
