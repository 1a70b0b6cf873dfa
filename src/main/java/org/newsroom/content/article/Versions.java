package org.newsroom.content.article;

import org.newsroom.content.shared.version.Version;

/** The versions of an article's representations, from the rows' {@code @Version} columns. */
final class Versions {

    private Versions() {
    }

    /** The article's JSON: the article's row version moves with every change to it or to any of its blocks. */
    static Version of(Article article) {
        return Version.ofRow("a", article.id, article.version, article.updatedAt);
    }

    /** The article in the plain-text format: the same state, another representation. */
    static Version ofText(Article article) {
        return of(article).variant(".txt");
    }

    /** One block: its own row version, which moves with its text, type, attribution and position. */
    static Version of(Paragraph paragraph, Article article) {
        return Version.ofRow("p", paragraph.id, paragraph.version, article.updatedAt);
    }
}
