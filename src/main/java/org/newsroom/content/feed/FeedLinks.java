package org.newsroom.content.feed;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.web.PublicUrls;

/**
 * Absolute links of a feed, from the public base URL ({@code content.public-base-url}; the request's only in dev and
 * tests): the home page and each article's link are the reader page's, for people; the feed's own address for feed
 * readers; and each item's id a {@code tag:} URI of the article's id, which no rename of its slug changes.
 */
record FeedLinks(String base, String home, String self) {

    /** The {@code tag:} URI (RFC 4151) date: when this service started naming its articles so. */
    static final String TAG_DATE = "2024";

    static FeedLinks of(PublicUrls urls, UriInfo uri) {
        String base = urls.base(uri);
        return new FeedLinks(base, base + "/", urls.of(uri));
    }

    /** The reader page's address of an article: {@code <base>/#/articles/<slug>} (reader.js reads it). */
    String article(String slug) {
        return home + "#/articles/" + slug;
    }

    /** The permanent id of an article in every feed: {@code tag:<host>,2024:articles/<id>}. */
    String id(long articleId) {
        String host = URI.create(base).getHost();
        return "tag:" + host + "," + TAG_DATE + ":articles/" + articleId;
    }
}
