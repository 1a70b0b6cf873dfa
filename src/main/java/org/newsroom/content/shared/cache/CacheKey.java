package org.newsroom.content.shared.cache;

/**
 * What tells one cached representation from another: the request's path and query as sent, its {@code Accept} as
 * sent (the representation chosen from it), and, only when no public base URL is set (dev mode, tests), the
 * {@code Host} the links in bodies are made from.
 */
record CacheKey(String uri, String accept, String host) {
}
