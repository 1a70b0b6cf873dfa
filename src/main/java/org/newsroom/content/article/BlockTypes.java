package org.newsroom.content.article;

import java.util.Set;

import org.newsroom.content.shared.error.ApiException;

/**
 * The four kinds of body block and the one rule between them: only quotes carry an attribution. The schema's CHECKs
 * (V1) hold the same two rules for any other writer.
 */
public final class BlockTypes {

    public static final String PARAGRAPH = "paragraph";
    public static final String HEADING = "heading";
    public static final String PULLQUOTE = "pullquote";
    public static final String BLOCKQUOTE = "blockquote";
    public static final Set<String> ALL = Set.of(PARAGRAPH, HEADING, PULLQUOTE, BLOCKQUOTE);
    /**
     * For Bean Validation's {@code @Pattern}, which needs a constant; anchored, so that it means the same to JSON Schema
     * (which finds a pattern anywhere in the value) as to Java (which matches it whole).
     */
    public static final String PATTERN = "^(paragraph|heading|pullquote|blockquote)$";
    public static final String MESSAGE = "must be one of paragraph, heading, pullquote, blockquote";

    private BlockTypes() {
    }

    public static boolean takesAttribution(String type) {
        return PULLQUOTE.equals(type) || BLOCKQUOTE.equals(type);
    }

    /** Refuses an attribution on a block that cannot carry one, naming the field it came in. */
    public static void checkAttribution(String field, Block block) {
        if (block.attribution() != null && !takesAttribution(block.type())) {
            throw ApiException.invalid(field, "is only allowed on pullquote and blockquote blocks");
        }
    }
}
