package org.newsroom.content.comment.live;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.newsroom.content.comment.CommentService;
import org.newsroom.content.shared.client.ClientAddress;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.QueryParameters;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Live comments over Server-Sent Events (docs/http-api.md: Live comments). RESTEasy Reactive's
 * {@code Multi<OutboundSseEvent>} rather than a Vert.x route: the article is found, the caps checked and the resume
 * position read on a worker thread before any byte goes out, so every refusal is an ordinary problem answer (and in
 * the OpenAPI document); the stream's own headers are {@code @ResponseHeader}s (the SSE writer applies those, and
 * writes the headers at once); completing the {@code Multi} ends the response, and a client that leaves cancels it. What the stream sends comes from {@link CommentStreamHub}.
 */
@Path(ApiPaths.BASE + "/articles/{ref}/comments/stream")
@Tag(name = "Comments")
public class CommentStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final CommentService comments;
    private final CommentStreamHub hub;
    private final ClientAddress clients;

    public CommentStreamResource(CommentService comments, CommentStreamHub hub, ClientAddress clients) {
        this.comments = comments;
        this.hub = hub;
        this.clients = clients;
    }

    @GET
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // no-store: no cache keeps it (CachedReads skips it too); X-Accel-Buffering: nginx must not buffer it.
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(operationId = "streamComments", summary = "Live comments of an article (Server-Sent Events)", description = "Events: comment (a comment readers may see now, new or edited: its JSON as in the lists), removed ({id}: deleted or held), replies ({id, replyCount} of a thread), reload (re-read the lists: too far behind), closed ({reason}; the stream ends). Each event's id is its position; Last-Event-ID resumes after it. A ':heartbeat' comment line every ~15 s. Never cached.")
    @APIResponse(responseCode = "200", description = "The stream: text/event-stream, Cache-Control: no-store", headers = @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: Last-Event-ID is not an id this stream sent; or UNKNOWN_PARAMETER")
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "COMMENTS_CLOSED: the article's comments are closed")
    @APIResponse(responseCode = "429", description = "TOO_MANY_STREAMS: too many streams open from this client or on this instance; see Retry-After")
    public Multi<OutboundSseEvent> stream(@PathParam("ref") String ref,
            @HeaderParam(LAST_EVENT_ID) @Parameter(description = "The id of the last event received: the stream replays what came after it") String lastEventId,
            @Context Sse sse, @Context UriInfo uri, @Context HttpServerRequest http) {
        QueryParameters.allowOnly(uri, Set.of());
        Optional<StreamPosition> resume = Optional.empty();
        if (lastEventId != null) {
            resume = Optional.of(StreamPosition.parse(lastEventId.trim()).orElseThrow(() -> ApiException
                    .invalid(LAST_EVENT_ID, "must be the id of an event this stream sent (<tx>-<id>)")));
        }
        long articleId = comments.followable(ref);
        if (http.method() == HttpMethod.HEAD) {
            // The headers a GET would get, and no stream held open for a body never sent.
            return Multi.createFrom().empty();
        }
        return hub.open(articleId, resume, clients.of(http), sse);
    }
}
