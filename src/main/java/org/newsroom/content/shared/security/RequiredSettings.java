package org.newsroom.content.shared.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Settings the service refuses to start without, whatever its profile (dev mode and tests get theirs from shared/dev):
 * what bearer tokens are checked against. Without a key set, no editor could ever sign in; without an issuer or an
 * audience, SmallRye JWT checks none, and a token the identity provider issued to any other client of the realm (or a
 * realm sharing its keys), with an editor's group, would be taken. The server secret is checked where it is declared
 * (ContentConfig.secret).
 */
@Singleton
public class RequiredSettings {

    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String PUBLIC_BASE_URL = "content.public-base-url";

    void check(@Observes StartupEvent started, @ConfigProperty(name = AUDIENCES) Optional<List<String>> audiences,
            @ConfigProperty(name = ISSUER) Optional<String> issuer, @ConfigProperty(name = KEY) Optional<String> key,
            @ConfigProperty(name = KEY_LOCATION) Optional<String> keyLocation,
            @ConfigProperty(name = PUBLIC_BASE_URL) Optional<String> publicBaseUrl) {
        if (isBlank(key) && isBlank(keyLocation)) {
            throw new IllegalStateException(KEY_LOCATION + " is required: the PEM file or JWKS URL of the keys bearer"
                    + " tokens are signed with, e.g. an OpenID Connect provider's certs URL"
                    + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
        }
        if (isBlank(issuer)) {
            throw new IllegalStateException(ISSUER + " is required: the iss of the identity provider that issues the"
                    + " bearer tokens (MP_JWT_VERIFY_ISSUER)");
        }
        if (audiences.isEmpty() || audiences.get().stream().allMatch(String::isBlank)) {
            throw new IllegalStateException(AUDIENCES + " is required: the audience (aud) that bearer tokens must be"
                    + " issued for, e.g. the service's client id at the identity provider (MP_JWT_VERIFY_AUDIENCES)");
        }
        checkPublicBaseUrl(publicBaseUrl, LaunchMode.current() == LaunchMode.NORMAL);
    }

    /**
     * Feeds link from the public base URL, never from the request's Host (shared/web/PublicUrls): production needs it;
     * dev mode and tests, on ports nobody configures, may go without. When given, it must be an absolute http(s) URL
     * without query or fragment.
     */
    static void checkPublicBaseUrl(Optional<String> publicBaseUrl, boolean production) {
        if (isBlank(publicBaseUrl)) {
            if (production) {
                throw new IllegalStateException(PUBLIC_BASE_URL + " is required: the public URL readers reach the"
                        + " service at, e.g. https://news.example (CONTENT_PUBLIC_BASE_URL); feeds link from it");
            }
            return;
        }
        URI url;
        try {
            url = new URI(publicBaseUrl.get().trim());
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalStateException(PUBLIC_BASE_URL + " must be an absolute http(s) URL without query or"
                    + " fragment, e.g. https://news.example (CONTENT_PUBLIC_BASE_URL)");
        }
    }

    private static boolean isBlank(Optional<String> value) {
        return value.isEmpty() || value.get().isBlank();
    }
}
