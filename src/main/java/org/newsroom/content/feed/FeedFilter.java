package org.newsroom.content.feed;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.article.Slugs;
import org.newsroom.content.shared.web.QueryParameters;

/** The checked filters of a feed: a section and tags that must all match, validated like the article list's. */
record FeedFilter(String section, List<String> tags) {

    static final Set<String> PARAMETERS = Set.of("section", "tag");

    static FeedFilter checked(UriInfo uri, String section, List<String> tags) {
        QueryParameters.allowOnly(uri, PARAMETERS);
        List<String> given = tags == null ? List.of() : List.copyOf(tags);
        given.forEach(tag -> Slugs.checkedParameter("tag", tag));
        return new FeedFilter(Slugs.checkedParameter("section", section), given);
    }

    /** Words for a feed's description: {@code in section world, tagged china and trade}. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (section != null) {
            out.append(" in section ").append(section);
        }
        if (!tags.isEmpty()) {
            out.append(" tagged ").append(String.join(" and ", tags));
        }
        return out.toString();
    }
}
