package org.newsroom.content.shared.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.newsroom.content.shared.web.Representations;

/** Turns an {@link Idempotency.Answer} into the HTTP answer: a replay is the first answer again, marked. */
public final class IdempotentResponses {

    private IdempotentResponses() {
    }

    public static Response.ResponseBuilder of(Idempotency.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body())
                .header(HttpHeaders.CACHE_CONTROL, Representations.PRIVATE);
        if (answer.location() != null) {
            response.location(answer.location());
        }
        if (answer.etag() != null) {
            response.header(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.replayed()) {
            response.type(MediaType.APPLICATION_JSON).header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response;
    }
}
