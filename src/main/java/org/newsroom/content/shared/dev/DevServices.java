package org.newsroom.content.shared.dev;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * What dev mode and the tests need from outside, made once per JVM: a PostgreSQL server, a JWT key pair and a server
 * secret.
 *
 * <p>
 * Quarkus builds its configuration in several class loaders, so a static field here would exist several
 * times: the state lives in system properties, which the whole JVM shares, and the lock is the system
 * properties object for the same reason.
 */
public final class DevServices {

    public static final String JDBC_URL_PROPERTY = "news-content.dev.jdbc-url";
    public static final String PUBLIC_KEY_PROPERTY = "news-content.dev.jwt-public-key";
    public static final String PRIVATE_KEY_PROPERTY = "news-content.dev.jwt-private-key";
    public static final String SECRET_PROPERTY = "news-content.dev.secret";
    public static final String ISSUER = "https://news-content.dev";
    /** The audience dev and test tokens are made for, and the only one the service accepts there. */
    public static final String AUDIENCE = "news-content-dev";

    private DevServices() {
    }

    /** Starts the embedded PostgreSQL unless this JVM already did, and answers its JDBC URL. */
    public static String postgresJdbcUrl() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(JDBC_URL_PROPERTY);
            if (url == null) {
                EmbeddedPostgres server = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
                url = server.jdbcUrl();
                System.setProperty(JDBC_URL_PROPERTY, url);
            }
            return url;
        }
    }

    /** A throwaway RSA key pair for signing and verifying dev and test tokens, as PEM texts. */
    public static Map<String, String> jwtKeys() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PUBLIC_KEY_PROPERTY) == null) {
                KeyPair pair = newRsaKeyPair();
                System.setProperty(PUBLIC_KEY_PROPERTY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                System.setProperty(PRIVATE_KEY_PROPERTY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return Map.of("public", System.getProperty(PUBLIC_KEY_PROPERTY),
                    "private", System.getProperty(PRIVATE_KEY_PROPERTY));
        }
    }

    /** A throwaway {@code content.secret}: 32 random bytes, Base64 (as {@code openssl rand -base64 32} makes one). */
    public static String secret() {
        synchronized (System.getProperties()) {
            if (System.getProperty(SECRET_PROPERTY) == null) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                System.setProperty(SECRET_PROPERTY, Base64.getEncoder().encodeToString(bytes));
            }
            return System.getProperty(SECRET_PROPERTY);
        }
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
