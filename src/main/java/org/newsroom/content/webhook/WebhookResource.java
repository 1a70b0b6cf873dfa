package org.newsroom.content.webhook;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

@Path(ApiPaths.BASE + "/webhooks")
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) of the outbox's events, for editors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
public class WebhookResource {

    private static final String NOT_FOUND = "NOT_FOUND: no such webhook (or delivery)";

    private final WebhookService webhooks;
    private final Representations representations;

    public WebhookResource(WebhookService webhooks, Representations representations) {
        this.webhooks = webhooks;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events", description = "The answer holds the"
            + " secret that signs every delivery: it is shown only this once")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = CreatedWebhookResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY
            + "; the URL's scheme, user information, fragment or address is not allowed")
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    public Response create(@NotNull @Valid CreateWebhookRequest body) {
        CreatedWebhookResponse created = webhooks.create(body);
        // A path, not a URL: the JAX-RS location() would make it absolute from the request's Host header.
        return Response.status(Response.Status.CREATED).entity(created)
                .header(HttpHeaders.LOCATION, ApiPaths.BASE + "/webhooks/" + created.id())
                .header(HttpHeaders.CACHE_CONTROL, Representations.PRIVATE).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The subscriptions", description = "Oldest first, in one page;"
            + " never their secrets")
    @APIResponse(responseCode = "200", description = "Every subscription", content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    public Response list(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.renderPage(webhooks.list(representations.known()), uri, null).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "A subscription", description = "Never its secret")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response get(@PathParam("id") String id) {
        return representations.render(webhooks.get(Ids.parse(id, "This webhook"), representations.known()), null)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe", description = "Its pending deliveries are never"
            + " sent; its delivery history goes with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(Ids.parse(id, "This webhook"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's deliveries", description = "Newest"
            + " first, cursor-paged: each event's status (pending, delivered, failed), attempts, last answer or error"
            + " and next attempt")
    @APIResponse(responseCode = "200", description = "A page of deliveries; a Link header names the next page", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response deliveries(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("limit", "cursor"));
        long webhook = Ids.parse(id, "This webhook");
        return representations.renderPage(
                webhooks.deliveries(webhook, QueryParameters.limit(limit), cursor, representations.known()), uri, null)
                .build();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again", description = "Queues a delivered"
            + " or failed delivery again, due now, with a fresh retry schedule (same webhook-id)")
    @APIResponse(responseCode = "202", description = "Queued; the delivery as it is now", content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "CONFLICT: the delivery is pending already")
    public Response redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        DeliveryResponse queued = webhooks.redeliver(Ids.parse(id, "This webhook"),
                Ids.parse(deliveryId, "This delivery"));
        return Response.status(Response.Status.ACCEPTED).entity(queued)
                .header(HttpHeaders.CACHE_CONTROL, Representations.PRIVATE).build();
    }

    /** The schema of the subscriptions list, so that generated clients get a concrete type. */
    @Schema(name = "WebhookPage")
    record WebhookPage(List<WebhookResponse> items,
            @Schema(nullable = true, description = "Always null: every subscription is in the one page") String nextCursor) {
    }

    /** The schema of a deliveries page. */
    @Schema(name = "WebhookDeliveryPage")
    record DeliveryPage(List<DeliveryResponse> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
