package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.web.QueryParameters;

/** The checked parameters of {@code GET /articles}; {@code q} is null unless the caller searches. */
public record ArticleListQuery(Visibility visibility, String q, String section, List<String> tags, Instant from,
        Instant to, Sort sort, int limit, String cursor) {

    public enum Visibility {
        PUBLISHED, SCHEDULED, DRAFT
    }

    /** Newest or oldest first by date (publication, or creation for drafts); best match first with {@code q}. */
    public enum Sort {
        NEWEST, OLDEST, RELEVANCE
    }

    private static final int MAX_QUERY_LENGTH = 200;
    private static final Pattern TERM = Pattern.compile("-?\"[^\"]*\"?|[^\\s\"]+");

    /** {@code status}: which articles; anything but published is for editors. */
    public static Visibility visibility(String status) {
        return Visibility.valueOf(QueryParameters
                .oneOf("status", status, "published", Set.of("published", "draft", "scheduled"))
                .toUpperCase(Locale.ROOT));
    }

    /** The query parameters of a list, each checked: a bad one is a 400 naming it, never ignored. */
    public static ArticleListQuery checked(Visibility visibility, String q, String section, List<String> tags,
            String from, String to, String sort, String limit, String cursor) {
        String search = checkedSearch(q);
        Sort order = Sort.valueOf(QueryParameters
                .oneOf("sort", sort, search == null ? "newest" : "relevance", Set.of("newest", "oldest", "relevance"))
                .toUpperCase(Locale.ROOT));
        if (order == Sort.RELEVANCE && search == null) {
            throw ApiException.invalid("sort", "relevance needs a search (q)");
        }
        tags.forEach(value -> Slugs.checkedParameter("tag", value));
        Slugs.checkedParameter("section", section);
        return new ArticleListQuery(visibility, search, section, List.copyOf(tags),
                QueryParameters.instantOrDay("from", from, false), QueryParameters.instantOrDay("to", to, true), order,
                QueryParameters.limit(limit), cursor);
    }

    /** {@code q}: one line of 1 to 200 characters once trimmed; null when the caller does not search. */
    private static String checkedSearch(String q) {
        String search = q == null ? null : q.strip();
        if (search != null && (search.isEmpty() || search.length() > MAX_QUERY_LENGTH || !search.codePoints()
                .allMatch(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c)))) {
            throw ApiException.invalid("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters of one line");
        }
        if (search != null && !hasWordToFind(search)) {
            // "-word" alone matches every article without it: it would rank the whole table.
            throw ApiException.invalid("q", "must name a word to find; exclusions (-word) only narrow a search");
        }
        return search;
    }

    /** Web search syntax: a term or a "phrase" that is not excluded with a leading minus, and not the word OR. */
    static boolean hasWordToFind(String search) {
        Matcher terms = TERM.matcher(search);
        while (terms.find()) {
            String term = terms.group();
            if (!term.startsWith("-") && !term.equalsIgnoreCase("or")) {
                return true;
            }
        }
        return false;
    }

    /** Cursors carry this, so a cursor from one ordering is refused by another. */
    String ordering() {
        return visibility.name().toLowerCase(Locale.ROOT) + "-" + sort.name().toLowerCase(Locale.ROOT)
                + (q == null ? "" : "-search");
    }

    boolean newestFirst() {
        return sort != Sort.OLDEST;
    }
}
