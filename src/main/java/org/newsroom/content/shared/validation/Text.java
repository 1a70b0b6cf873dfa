package org.newsroom.content.shared.validation;

import java.text.Normalizer;

/**
 * A client's text as the service keeps it, and so as its length is counted (docs/http-api.md §5): NFC-normalised, each
 * CRLF as one LF, leading and trailing whitespace ({@link String#strip()}) removed. {@link TextLength} counts this,
 * and the services store this: one definition, so that what is stored is what was counted.
 */
public final class Text {

    private Text() {
    }

    /** The text as stored; null stays null. */
    public static String normalized(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").strip();
    }

    /** Characters (code points: an emoji is one) of the text as stored. */
    public static int length(String text) {
        String stored = normalized(text);
        return stored.codePointCount(0, stored.length());
    }
}
