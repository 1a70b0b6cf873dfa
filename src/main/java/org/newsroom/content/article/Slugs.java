package org.newsroom.content.article;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

import org.newsroom.content.shared.error.ApiException;

/** Slugs: lower-case {@code a-z0-9} words joined by single hyphens, always with a letter (so never an id). */
public final class Slugs {

    public static final String PATTERN = "^(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case words of a-z and 0-9 joined by single hyphens, with a letter";
    public static final int MAX_LENGTH = 120;
    private static final int DERIVED_MAX_LENGTH = 80;

    private Slugs() {
    }

    /** {@code "North Korea vows to beef up China ties"} becomes {@code north-korea-vows-to-beef-up-china-ties}. */
    public static String fromHeadline(String headline) {
        String ascii = Normalizer.normalize(headline, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > DERIVED_MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', DERIVED_MAX_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : DERIVED_MAX_LENGTH).replaceAll("-+$", "");
        }
        if (!slug.matches(".*[a-z].*")) {
            slug = slug.isEmpty() ? "article" : "article-" + slug;
        }
        return slug;
    }

    /** A query parameter that must be a slug (a section, a tag): a 400 naming {@code parameter} otherwise. */
    public static String checkedParameter(String parameter, String value) {
        if (value != null && !value.matches(PATTERN)) {
            throw ApiException.invalid(parameter, MESSAGE);
        }
        return value;
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}, ... that {@code taken} does not hold. */
    public static String firstFree(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2;; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
