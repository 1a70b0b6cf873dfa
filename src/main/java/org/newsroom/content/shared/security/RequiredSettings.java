package org.newsroom.content.shared.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Settings the service refuses to start without, whatever its profile (dev mode and tests get theirs from shared/dev):
 * the audience bearer tokens must be issued for. Without one, SmallRye JWT checks no audience, and a token the
 * identity provider issued to any other client of the realm, with an editor's group, would be taken. The server
 * secret is checked where it is declared (ContentConfig.secret).
 */
@Singleton
public class RequiredSettings {

    static final String AUDIENCES = "mp.jwt.verify.audiences";

    void check(@Observes StartupEvent started,
            @ConfigProperty(name = AUDIENCES) Optional<List<String>> audiences) {
        if (audiences.isEmpty() || audiences.get().stream().allMatch(String::isBlank)) {
            throw new IllegalStateException(AUDIENCES + " is required: the audience (aud) that bearer tokens must be"
                    + " issued for, e.g. the service's client id at the identity provider (MP_JWT_VERIFY_AUDIENCES)");
        }
    }
}
