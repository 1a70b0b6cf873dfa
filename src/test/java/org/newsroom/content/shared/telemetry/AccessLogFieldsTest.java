package org.newsroom.content.shared.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.client.ClientResolver;

import io.vertx.core.http.HttpMethod;

/** What the access log writes for a route and a client (shared/telemetry/AccessLog). */
class AccessLogFieldsTest {

    @Test
    void namesTheTemplateNeverThePathOfTheApi() {
        assertEquals("/api/v1/articles/{ref}", AccessLog.route("/api/v1/articles/{ref}", HttpMethod.GET,
                "/api/v1/articles/a-slug", 200));
        assertEquals("NOT_FOUND", AccessLog.route(null, HttpMethod.GET, "/api/v1/nothing/secret-slug", 404));
        assertEquals("NOT_FOUND", AccessLog.route(null, HttpMethod.GET, "/whatever-typed", 404));
        assertEquals("UNMATCHED", AccessLog.route(null, HttpMethod.POST, "/api/v1/articles/7/comments", 413));
        assertEquals("UNMATCHED", AccessLog.route(null, HttpMethod.GET, "/api/v1/articles/some-slug", 503));
        assertEquals("UNMATCHED", AccessLog.route(null, HttpMethod.GET, "/feeds/section/x.xml", 200));
        assertEquals("UNMATCHED", AccessLog.route(null, HttpMethod.OPTIONS, "/anything-typed", 200));
        // The platform's endpoints and the reader page's files: a fixed set of paths.
        assertEquals("/q/health/ready", AccessLog.route(null, HttpMethod.GET, "/q/health/ready", 200));
        assertEquals("/reader.js", AccessLog.route(null, HttpMethod.GET, "/reader.js", 304));
    }

    @Test
    void logsTheClientsNetworkNeverItsAddress() {
        assertEquals("192.0.2.0/24", ClientResolver.loggedNetwork("192.0.2.77"));
        assertEquals("2001:db8:1::/48", ClientResolver.loggedNetwork("2001:db8:1:2::/64"));
        assertEquals("unknown", ClientResolver.loggedNetwork("unknown"));
    }

    @Test
    void writesMillisecondsWithOneDecimal() {
        assertEquals("0.0", AccessLog.millis(0));
        assertEquals("3.1", AccessLog.millis(3_140_000));
        assertEquals("1250.0", AccessLog.millis(1_250_000_000L));
    }
}
