package org.newsroom.content.shared.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.newsroom.content.shared.error.DatabaseState;

/**
 * Ready means PostgreSQL can be reached, not that the pool has a free connection: the check opens its own short-lived
 * connection (never one of the application's pool, so it never waits behind busy requests) and runs {@code SELECT 1},
 * giving up after {@link #TIMEOUT_SECONDS}. Quarkus's own datasource check is turned off (application.properties): it
 * borrows from the pool, so a busy pool would read as DOWN and take the instance out of rotation when it is busiest.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database connection";
    static final int TIMEOUT_SECONDS = 2;

    /** The one record of whether the database answers, which logs its changes once (the requests share it). */
    private final DatabaseState database;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    public DatabaseReadiness(DatabaseState database, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.database = database;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try (Connection connection = DriverManager.getConnection(url, connectionProperties());
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                result.next();
            }
            database.reachable();
            return response.up()
                    .withData("server", "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            database.unreachable(e);
            return response.down().withData("reason", reason(e)).build();
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        // PgJDBC's own timeouts, in seconds: the TCP connect, the whole login, and any one read.
        String seconds = String.valueOf(TIMEOUT_SECONDS);
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "news-content readiness");
        return properties;
    }

    /**
     * Short, and public (the endpoint is): no stack trace, host, port or user, which the driver's message names. The
     * whole message goes to the log (DatabaseState) when the database is first found unreachable.
     */
    static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what;
        if (state.startsWith("28")) {
            what = "PostgreSQL refused the login";
        } else if (state.equals("57P03")) {
            what = "PostgreSQL is starting up or shutting down";
        } else if (state.startsWith("08")) {
            what = "PostgreSQL cannot be reached";
        } else if (state.equals("57014")) {
            what = "PostgreSQL did not answer within " + TIMEOUT_SECONDS + " s";
        } else {
            what = "PostgreSQL did not answer SELECT 1";
        }
        return state.isEmpty() ? what : what + " (SQLState " + state + ")";
    }
}
