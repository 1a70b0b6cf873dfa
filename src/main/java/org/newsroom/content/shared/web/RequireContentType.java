package org.newsroom.content.shared.web;

import jakarta.enterprise.event.Observes;

import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.RouteProblems;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A write that sends a body must say what it is: a POST, PUT or PATCH under the API with a body and no
 * {@code Content-Type} is a 415 problem before anything reads it (docs/http-api.md §3). Without this, the REST layer
 * would take any untyped body for the endpoint's first media type.
 */
public class RequireContentType {

    void register(@Observes Router router) {
        for (HttpMethod method : new HttpMethod[]{HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH}) {
            router.route(ApiPaths.BASE + "/*").method(method).order(Integer.MIN_VALUE + 2).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if ((type == null || type.isBlank()) && hasBody(context)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            RouteProblems.write(context, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "A body needs a Content-Type (application/json, say)");
        } else {
            context.next();
        }
    }

    private static boolean hasBody(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }
}
