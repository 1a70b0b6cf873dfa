package org.newsroom.content.shared.web;

import jakarta.enterprise.event.Observes;

import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.Problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Requests that no endpoint matches never reach the REST layer, so its problem mapper cannot answer them: this last
 * route does, so that an unknown path is a problem like every other error (API.md §6).
 */
public class NotFoundRoute {

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> {
            ErrorCode code = ErrorCode.NOT_FOUND;
            Problem problem = new Problem(code.type, code.title, code.status, "Nothing is here",
                    context.request().path(), code.name(), java.util.List.of());
            context.response().setStatusCode(code.status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }
}
