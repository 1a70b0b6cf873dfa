package org.newsroom.content.feed;

/** The three feeds: each has its own media type, and its own ETag (the hash starts with the kind). */
enum FeedKind {

    RSS("application/rss+xml;charset=utf-8"), ATOM("application/atom+xml;charset=utf-8"), JSON(
            "application/feed+json;charset=utf-8");

    final String mediaType;

    FeedKind(String mediaType) {
        this.mediaType = mediaType;
    }
}
