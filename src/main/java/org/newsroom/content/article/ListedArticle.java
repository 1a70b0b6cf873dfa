package org.newsroom.content.article;

/**
 * One row of an article list or search: the article, the text of its first block (for the excerpt), and, in a
 * search, its rank and highlight (null otherwise). The rank is PostgreSQL's {@code real}, read as a float so that
 * a cursor holds exactly the value the next page's keyset compares with.
 */
record ListedArticle(Article article, String firstBlock, Float rank, String highlight) {
}
