package org.newsroom.content.shared.cache;

/**
 * What a cached representation was built from, and so which changes make it stale. A read names it through
 * {@link ReadDependencies}; a read that names nothing depends on {@link #everything()}.
 *
 * @param scope what kind of rows it shows
 * @param articleId the article, for {@link Scope#ARTICLE} and {@link Scope#COMMENTS}
 */
public record Dependency(Scope scope, long articleId) {

    public enum Scope {
        /** One article and its blocks (the article, its text, its paragraphs). */
        ARTICLE,
        /** One article's comments, and the article itself (a comment page, a comment, its replies). */
        COMMENTS,
        /** Published articles in general (lists, searches, sections, tags, feeds), and scheduled ones going live. */
        PUBLISHED_ARTICLES,
        /** Anything: stale after any change. */
        EVERYTHING
    }

    private static final Dependency EVERYTHING = new Dependency(Scope.EVERYTHING, 0);
    private static final Dependency PUBLISHED = new Dependency(Scope.PUBLISHED_ARTICLES, 0);

    public static Dependency everything() {
        return EVERYTHING;
    }

    public static Dependency publishedArticles() {
        return PUBLISHED;
    }

    public static Dependency article(long id) {
        return new Dependency(Scope.ARTICLE, id);
    }

    public static Dependency commentsOf(long articleId) {
        return new Dependency(Scope.COMMENTS, articleId);
    }

    /**
     * What a read that named both depends on: an article's comments include the article; anything else put together
     * is {@link #everything()}, which is never wrong, only invalidated more often.
     */
    Dependency and(Dependency other) {
        if (other == null || other.equals(this)) {
            return this;
        }
        boolean sameArticle = articleId == other.articleId && scope != Scope.EVERYTHING
                && scope != Scope.PUBLISHED_ARTICLES && other.scope != Scope.EVERYTHING
                && other.scope != Scope.PUBLISHED_ARTICLES;
        return sameArticle ? commentsOf(articleId) : EVERYTHING;
    }

    /** Whether a scheduled article going live can change it. */
    boolean seesScheduledArticles() {
        return scope == Scope.PUBLISHED_ARTICLES || scope == Scope.EVERYTHING;
    }
}
