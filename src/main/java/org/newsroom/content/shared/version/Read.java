package org.newsroom.content.shared.version;

import java.util.function.Supplier;

/**
 * What a read answers: the representation with its version ({@link Versioned}), or, when the caller already holds
 * the current version, only that version ({@link Unchanged}), so that the representation is never built.
 */
public sealed interface Read<T> permits Versioned, Unchanged {

    Version version();

    Audience audience();

    /** The one comparison of every read: the representation is built only when the caller lacks this version. */
    static <T> Read<T> of(KnownVersions known, Version version, Audience audience, Supplier<T> body) {
        if (known.includes(version)) {
            return new Unchanged<>(version, audience);
        }
        return new Versioned<>(body.get(), version, audience);
    }
}
