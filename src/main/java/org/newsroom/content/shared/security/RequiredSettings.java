package org.newsroom.content.shared.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    void check(@Observes StartupEvent started, @ConfigProperty(name = AUDIENCES) Optional<List<String>> audiences,
            @ConfigProperty(name = ISSUER) Optional<String> issuer, @ConfigProperty(name = KEY) Optional<String> key,
            @ConfigProperty(name = KEY_LOCATION) Optional<String> keyLocation) {
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
    }

    private static boolean isBlank(Optional<String> value) {
        return value.isEmpty() || value.get().isBlank();
    }
}
