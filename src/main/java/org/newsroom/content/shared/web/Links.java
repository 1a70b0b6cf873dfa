package org.newsroom.content.shared.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The {@code Link: <...>; rel="next"} header of a list page: the same query with the next cursor. */
public final class Links {

    private Links() {
    }

    public static <T> Response.ResponseBuilder page(Page<T> page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response;
    }
}
