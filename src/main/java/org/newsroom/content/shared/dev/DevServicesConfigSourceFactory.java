package org.newsroom.content.shared.dev;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode and tests, and only for what is not configured, supplies the URL of an embedded PostgreSQL (started
 * here, once per JVM), a throwaway JWT key pair with its audience, and a throwaway server secret. A packaged
 * application never gets here, whatever profile it runs with ({@code -Dquarkus.profile=test} included): it runs in
 * the NORMAL launch mode and needs QUARKUS_DATASOURCE_JDBC_URL, a real key, an audience and a secret (see
 * application.properties); its build has no PostgreSQL binaries either.
 */
public class DevServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    private static final String VERIFY_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String SECRET = "content.secret";
    /** Below application.properties (250) and the environment (300): anything configured wins. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!LaunchMode.current().isDevOrTest() || (!profiles.contains("dev") && !profiles.contains("test"))) {
            return List.of();
        }
        Map<String, String> properties = new HashMap<>();
        if (isUnset(context.getValue(JDBC_URL))) {
            properties.put(JDBC_URL, DevServices.postgresJdbcUrl());
            properties.put("quarkus.datasource.username", EmbeddedPostgres.USER);
            properties.put("quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
        }
        if (isUnset(context.getValue(VERIFY_KEY)) && isUnset(context.getValue(VERIFY_KEY_LOCATION))) {
            Map<String, String> keys = DevServices.jwtKeys();
            properties.put(VERIFY_KEY, keys.get("public"));
            properties.put("smallrye.jwt.sign.key", keys.get("private"));
        }
        if (isUnset(context.getValue(ISSUER))) {
            properties.put(ISSUER, DevServices.ISSUER);
        }
        if (isUnset(context.getValue(AUDIENCES))) {
            properties.put(AUDIENCES, DevServices.AUDIENCE);
            properties.put("smallrye.jwt.new-token.audience", DevServices.AUDIENCE);
        }
        if (isUnset(context.getValue(SECRET))) {
            properties.put(SECRET, DevServices.secret());
        }
        return List.of(new PropertiesConfigSource(properties, "news-content-dev-services", ORDINAL));
    }

    private static boolean isUnset(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
