package org.newsroom.content.support;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import org.newsroom.content.shared.dev.DevServices;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Bearer tokens signed with the throwaway key the service under test trusts (see shared/dev). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String editor() {
        return withGroups("editor");
    }

    public static String moderator() {
        return withGroups("moderator");
    }

    public static String withGroups(String... groups) {
        return Jwt.issuer(DevServices.ISSUER).audience(DevServices.AUDIENCE).subject("test-user").groups(Set.of(groups))
                .expiresIn(Duration.ofHours(1)).sign(privateKey());
    }

    /** Signed with the trusted key and an editor, but made for another client of the realm (another audience). */
    public static String forAnotherAudience() {
        return Jwt.issuer(DevServices.ISSUER).audience("another-client").subject("test-user").groups(Set.of("editor"))
                .expiresIn(Duration.ofHours(1)).sign(privateKey());
    }

    /** Signed by a key the service does not trust. */
    public static String forged() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(DevServices.ISSUER).audience(DevServices.AUDIENCE).subject("intruder")
                    .groups(Set.of("editor"))
                    .expiresIn(Duration.ofHours(1)).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(DevServices.jwtKeys().get("private"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
