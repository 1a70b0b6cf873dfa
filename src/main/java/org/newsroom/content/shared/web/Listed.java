package org.newsroom.content.shared.web;

/**
 * A list page and its weak ETag. The ETag is made from the rows' ids and versions (and the next cursor), so that a
 * client's copy can be revalidated without serialising the page again.
 */
public record Listed<T>(Page<T> page, String etag) {
}
