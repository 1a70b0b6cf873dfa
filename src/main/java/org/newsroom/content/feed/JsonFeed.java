package org.newsroom.content.feed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). Its names are the spec's snake_case ones, not the
 * API's camelCase. NON_NULL: the spec says to leave out an optional field that has no value rather than send null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl, String description, List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    static JsonFeed of(String title, String description, FeedLinks links, List<FeedItem> items) {
        return new JsonFeed(VERSION, title, links.home(), links.self(), description,
                items.stream().map(Item::of).toList());
    }

    /**
     * One item; {@code summary}, {@code authors}, {@code tags}, {@code image} and {@code banner_image} are left out when
     * the article has none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, String summary,
            @JsonProperty("content_html") String contentHtml, @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified, List<Author> authors, List<String> tags,
            String image, @JsonProperty("banner_image") String bannerImage) {

        static Item of(FeedItem item) {
            return new Item(item.id(), item.url(), item.title(), item.summary(), item.html(), item.text(),
                    item.published(), item.updated(), item.author() == null ? null : List.of(new Author(item.author())),
                    item.categories().isEmpty() ? null : item.categories(), leadImageSrc(item), leadImageSrc(item));
        }

        /** The lead image is the item's main image and its banner alike (JSON Feed has no alt text for either). */
        private static String leadImageSrc(FeedItem item) {
            return item.leadImage() == null ? null : item.leadImage().src();
        }
    }

    /** JSON Feed 1.1 authors: an object with at least one of name, url, avatar; here the byline as the name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name) {
    }
}
