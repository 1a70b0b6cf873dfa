package org.newsroom.content.feed;

import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.web.ApiPaths;

/** Absolute links of a feed, from the base URL the request came in on (so they work behind any host name). */
record FeedLinks(String base, String home, String self) {

    static FeedLinks of(UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return new FeedLinks(base, base + ApiPaths.BASE + "/articles", uri.getRequestUri().toString());
    }

    String article(String slug) {
        return home + "/" + slug;
    }
}
