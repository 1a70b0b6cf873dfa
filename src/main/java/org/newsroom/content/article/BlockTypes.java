package org.newsroom.content.article;

import java.util.Set;

import org.newsroom.content.shared.error.ApiException;

/** The four kinds of body block and the one rule between them: only quotes carry an attribution. */
public final class BlockTypes {

    public static final String PARAGRAPH = "paragraph";
    public static final String HEADING = "heading";
    public static final String PULLQUOTE = "pullquote";
    public static final String BLOCKQUOTE = "blockquote";
    public static final Set<String> ALL = Set.of(PARAGRAPH, HEADING, PULLQUOTE, BLOCKQUOTE);
    public static final String PATTERN = "paragraph|heading|pullquote|blockquote";
    public static final String MESSAGE = "must be one of paragraph, heading, pullquote, blockquote";

    private BlockTypes() {
    }

    public static void checkAttribution(String field, String type, String attribution) {
        if (attribution != null && !PULLQUOTE.equals(type) && !BLOCKQUOTE.equals(type)) {
            throw ApiException.invalid(field, "is only allowed on pullquote and blockquote blocks");
        }
    }
}
