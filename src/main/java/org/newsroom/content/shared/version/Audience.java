package org.newsroom.content.shared.version;

/** Who may be given a representation: anyone (so shared caches may keep it), or only the caller who asked. */
public enum Audience {

    PUBLIC, PRIVATE;

    public static Audience publicIf(boolean anyoneMayRead) {
        return anyoneMayRead ? PUBLIC : PRIVATE;
    }
}
