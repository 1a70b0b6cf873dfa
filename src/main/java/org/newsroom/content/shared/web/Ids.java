package org.newsroom.content.shared.web;

import org.newsroom.content.shared.error.ApiException;

public final class Ids {

    private Ids() {
    }

    /** A path id that is not a positive number names nothing: a 404, like an unknown one, never a 500. */
    public static long parse(String id, String what) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound(what);
    }
}
