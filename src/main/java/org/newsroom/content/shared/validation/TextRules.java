package org.newsroom.content.shared.validation;

import jakarta.validation.ConstraintValidatorContext;

/** The character classes {@link SingleLine} and {@link MultiLine} refuse, and the messages that name each. */
final class TextRules {

    static final String XML_MESSAGE = "must not contain U+FFFE, U+FFFF or a lone surrogate";
    static final String BIDI_MESSAGE = "must not contain bidirectional overrides or isolates (U+202A to U+202E,"
            + " U+2066 to U+2069)";
    static final String CARRIAGE_RETURN_MESSAGE = "must not contain a carriage return except as part of CRLF";

    private TextRules() {
    }

    /** C0 and C1 controls and DEL: the callers allow tab, and newline where text may span lines. */
    static boolean isControl(int c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * Whether XML 1.0 can carry the character (its {@code Char} production), control characters aside: a lone
     * surrogate, U+FFFE and U+FFFF are not characters XML can hold, and one would make every feed fail.
     */
    static boolean xmlCanCarry(int c) {
        return !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) && c != 0xFFFE && c != 0xFFFF;
    }

    /** The explicit embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069). */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Refuses with {@code message} instead of the constraint's own. */
    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
