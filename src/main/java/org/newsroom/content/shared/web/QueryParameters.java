package org.newsroom.content.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

/** Query parameters are checked, never ignored or clamped: unknown names and bad values are 400s naming them. */
public final class QueryParameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private QueryParameters() {
    }

    public static void allowOnly(UriInfo uri, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_PARAMETER, "Unknown query parameter: " + String.join(", ", unknown)
                    + " (this endpoint takes " + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
    }

    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public static String oneOf(String name, String value, String defaultValue, Set<String> allowed) {
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalid(name, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    /** An instant ({@code 2023-07-27T09:30:00Z}) or a day ({@code 2023-07-27}, its start in UTC; {@code endOfDay} for its end). */
    public static Instant instantOrDay(String name, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date (2023-07-27) or an instant (2023-07-27T09:30:00Z)");
        }
    }
}
