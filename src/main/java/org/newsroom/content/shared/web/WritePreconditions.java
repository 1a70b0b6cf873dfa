package org.newsroom.content.shared.web;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

/**
 * {@code If-None-Match} on a write is decided before the write, never after it (RFC 9110 §13.2.2): every write here
 * acts on something that exists (an article, a block, a comment, a list to add to), so {@code If-None-Match: *} cannot
 * hold and is a 412 with nothing written. Entity tags in {@code If-None-Match} on a write are ignored: a write's
 * precondition is {@code If-Match} (docs/http-api.md §3).
 */
public class WritePreconditions {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter
    public void refuseIfNoneMatchAnything(ResteasyReactiveContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        for (String value : request.getHeaders().getOrDefault(HttpHeaders.IF_NONE_MATCH, List.of())) {
            for (String tag : value.split(",")) {
                if (tag.trim().equals("*")) {
                    throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                            "If-None-Match: * never holds for a write: what it writes to exists. Send If-Match");
                }
            }
        }
    }
}
