package org.newsroom.content.shared.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

import org.newsroom.content.shared.web.CompressibleTypes;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * For a read that may be cached ({@link CachedReads} gave it a ticket) and answers a public 200: writes the entity to
 * bytes once, with the writer RESTEasy would have used, answers those bytes, and prepares them for the cache, with
 * their gzip variant and, for what shows published articles, when the next scheduled one goes live. Runs on the
 * endpoint's worker thread, so that compressing and that one query never run on the event loop.
 */
@Provider
// Every bean it uses is a lazy proxy (RESTEasy makes its providers before the configuration is read).
// Response filters run from the highest priority down: this one last, on the entity every other filter left.
@Priority(1)
public class CacheableResponses implements ContainerResponseFilter {

    private final CurrentVertxRequest request;
    private final RepresentationCache cache;
    private final ScheduledArticles scheduled;
    private final CompressibleTypes compressible;

    @Context
    Providers providers;

    public CacheableResponses(CurrentVertxRequest request, RepresentationCache cache, ScheduledArticles scheduled,
            CompressibleTypes compressible) {
        this.request = request;
        this.cache = cache;
        this.scheduled = scheduled;
        this.compressible = compressible;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        RoutingContext context = request.getCurrent();
        Ticket ticket = context == null ? null : context.get(CachedReads.TICKET);
        if (ticket == null || response.getStatus() != 200 || !response.hasEntity()
                || !cache.isPublic(response.getHeaderString(HttpHeaders.CACHE_CONTROL))) {
            return;
        }
        MediaType type = response.getMediaType();
        byte[] body = bytes(response, type);
        response.setEntity(body, response.getEntityAnnotations(), type);
        byte[] gzipped = type != null && compressible.includes(type.toString()) ? gzip(body) : null;
        Instant validUntil = ticket.dependency().seesScheduledArticles()
                ? cache.nextGoLive(ticket, scheduled).orElse(null)
                : null;
        ticket.prepared(new Prepared(body, gzipped, validUntil));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] bytes(ContainerResponseContext response, MediaType type) {
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        Annotation[] annotations = response.getEntityAnnotations() == null
                ? new Annotation[0]
                : response.getEntityAnnotations();
        MessageBodyWriter writer = providers.getMessageBodyWriter(entity.getClass(), response.getEntityType(),
                annotations, type);
        if (writer == null) {
            throw new IllegalStateException("no writer for " + entity.getClass() + " as " + type);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.writeTo(entity, entity.getClass(), response.getEntityType(), annotations, type,
                    response.getHeaders(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
