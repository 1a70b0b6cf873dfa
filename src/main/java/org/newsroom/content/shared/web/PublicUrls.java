package org.newsroom.content.shared.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.config.ContentConfig;

import io.quarkus.runtime.LaunchMode;

/**
 * Absolute links the service writes into bodies (feeds, the next page of a text list): from
 * {@code content.public-base-url}, never from the request's {@code Host} header, which the client chooses (a forged
 * one would end up in a cached feed) and which says {@code http} behind a TLS proxy. Only dev mode and tests, which
 * listen on ports nobody configures, fall back to the request; production does not start without the setting
 * (shared/security/RequiredSettings). Headers carry no host at all: {@code Location} and {@code Link} are relative
 * references (RFC 9110 §10.2.2, RFC 8288 §3.1).
 */
@ApplicationScoped
public class PublicUrls {

    private final ContentConfig config;

    public PublicUrls(ContentConfig config) {
        this.config = config;
    }

    /** The public URL of the service's root, without a trailing slash: {@code https://news.example}. */
    public String base(UriInfo uri) {
        String base = config.publicBaseUrl().filter(url -> !url.isBlank())
                .orElseGet(() -> fallback(uri));
        return base.replaceAll("/+$", "");
    }

    /** The public URL of this request (its path and query under the public base). */
    public String of(UriInfo uri) {
        return of(uri, uri.getRequestUri());
    }

    /** The public URL of {@code target}, a URI of this service as the request named it. */
    public String of(UriInfo uri, URI target) {
        return base(uri) + pathAndQuery(uri, target);
    }

    /** The path and query of {@code target} below the service's root, starting with {@code /}. */
    public static String pathAndQuery(UriInfo uri, URI target) {
        String relative = uri.getBaseUri().relativize(target).toString();
        return relative.startsWith("/") ? relative : "/" + relative;
    }

    private static String fallback(UriInfo uri) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            // RequiredSettings refuses to start without the setting: this is never reached in production.
            throw new IllegalStateException("content.public-base-url is required in production");
        }
        return uri.getBaseUri().toString();
    }
}
