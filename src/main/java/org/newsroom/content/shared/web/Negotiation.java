package org.newsroom.content.shared.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;

/**
 * Which of the media types an endpoint offers answers an {@code Accept} header (RFC 9110 §12.5.1): media ranges are
 * matched case-insensitively and whatever their parameters (a {@code charset} included), the most specific range
 * that matches gives the quality, the highest quality wins and the endpoint's own order breaks ties. None acceptable
 * is a 406 problem. {@code Request.selectVariant} is not used: it misses {@code text/plain;charset=utf-8}, and the
 * answer then went out labelled text with the JSON record's {@code toString()} in it.
 */
public final class Negotiation {

    private Negotiation() {
    }

    /** The offered type that best answers {@code accept}; no {@code Accept} at all takes the first offered. */
    public static MediaType choose(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType candidate : offered) {
            double quality = quality(accept, candidate);
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new NotAcceptableException();
        }
        return best;
    }

    /** Whether {@code chosen} is a text/plain answer. */
    public static boolean isText(MediaType chosen) {
        return chosen.isCompatible(MediaType.TEXT_PLAIN_TYPE);
    }

    /** The quality {@code accept} gives {@code candidate}: that of the most specific range matching it, else 0. */
    private static double quality(String accept, MediaType candidate) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String element : accept.split(",")) {
            String[] parts = element.split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = range.indexOf('/');
            if (slash <= 0 || slash == range.length() - 1) {
                continue;
            }
            String type = range.substring(0, slash).trim();
            String subtype = range.substring(slash + 1).trim();
            int specificity;
            if (type.equals("*") && subtype.equals("*")) {
                specificity = 0;
            } else if (type.equals(candidate.getType()) && subtype.equals("*")) {
                specificity = 1;
            } else if (type.equals(candidate.getType()) && subtype.equals(candidate.getSubtype())) {
                specificity = 2;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qualityOf(parts);
            }
        }
        return quality;
    }

    private static double qualityOf(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parameter.substring(equals + 1).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
