package org.newsroom.content.shared.cache;

/**
 * A change PostgreSQL announced (migration V8's {@code content_changes}, from any instance) or one this instance just
 * committed ({@link LocalChanges}), fired as a CDI event after the representation cache heard of it, for whoever else
 * follows changes (the live comment streams). Observers run on the listening thread: they only hand work on.
 */
public record ContentChange(Kind kind, long articleId) {

    public enum Kind {
        /** The article or one of its blocks. */
        ARTICLE,
        /** One of the article's comments. */
        COMMENTS,
        /** Anything (a TRUNCATE, or the listener lost what it missed): articleId is 0. */
        EVERYTHING
    }

    public static ContentChange everything() {
        return new ContentChange(Kind.EVERYTHING, 0);
    }
}
