package org.newsroom.content.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Who a comment counts for behind a reverse proxy (docs/http-api.md §5): the loopback addresses play the trusted
 * proxies, each test sends from a loopback address of its own, and X-Forwarded-For carries what a proxy that appends
 * ({@code $proxy_add_x_forwarded_for}) would pass on: whatever the client sent, then the client's address. Quarkus's
 * own forwarding is on too, as the README once advised: it must change nothing.
 */
@QuarkusTest
@TestProfile(ClientIdentityTest.BehindATrustedProxy.class)
class ClientIdentityTest {

    public static class BehindATrustedProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.client.trusted-proxies", "127.0.0.0/8", "content.comments.rate-limit.per-minute",
                    "5", "content.comments.rate-limit.per-hour", "30", "quarkus.http.proxy.proxy-address-forwarding",
                    "true", "quarkus.http.proxy.allow-x-forwarded", "true", "quarkus.http.proxy.trusted-proxies",
                    "127.0.0.0/8");
        }
    }

    @Test
    void aClientForgingTheLeftMostForwardedEntryIsStillRateLimited() {
        String client = "198.51.100.17";
        List<RawHttp.Response> answers = postSix("127.3.0.1", n -> "203.0.113." + n + ", " + client);
        assertLimitedAfterFive(answers);
        assertEquals(client, storedAddress(answers.get(0)));

        // Another client behind the same proxy is not held back.
        RawHttp.Response other = post("127.3.0.1", "203.0.113.1, 198.51.100.18", "Another client");
        assertEquals(201, other.status(), other.bodyText());
        assertEquals("198.51.100.18", storedAddress(other));
    }

    @Test
    void aForwardedValueThatIsNoAddressStillCountsAndIsStored() {
        List<RawHttp.Response> answers = postSix("127.3.0.2", n -> "not-an-address-" + n);
        assertLimitedAfterFive(answers);
        // The nearest trusted hop stands for the client: never a NULL that no limit would ever match.
        assertEquals("127.3.0.2", storedAddress(answers.get(0)));
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareALimit() {
        List<RawHttp.Response> answers = postSix("127.3.0.3", n -> "2001:db8:77:1:" + Integer.toHexString(n + 1)
                + "::" + Integer.toHexString(n * 7 + 1));
        assertLimitedAfterFive(answers);
        assertEquals("2001:db8:77:1::/64", storedAddress(answers.get(0)));

        RawHttp.Response nextNetwork = post("127.3.0.3", "2001:db8:77:2::1", "From the next /64");
        assertEquals(201, nextNetwork.status(), nextNetwork.bodyText());
        assertEquals("2001:db8:77:2::/64", storedAddress(nextNetwork));
        // An IPv4-mapped address is the IPv4 client.
        RawHttp.Response mapped = post("127.3.0.3", "::ffff:198.51.100.40", "Mapped");
        assertEquals("198.51.100.40", storedAddress(mapped));
    }

    private static List<RawHttp.Response> postSix(String proxy, IntFunction<String> forwardedFor) {
        long article = article();
        List<RawHttp.Response> answers = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            answers.add(RawHttp.postJson(proxy, RestAssured.port, path(article),
                    Map.of("X-Forwarded-For", forwardedFor.apply(n)),
                    "{\"authorName\":\"Rotating\",\"body\":\"Message " + n + "\"}"));
        }
        return answers;
    }

    private static void assertLimitedAfterFive(List<RawHttp.Response> answers) {
        for (RawHttp.Response created : answers.subList(0, 5)) {
            assertEquals(201, created.status(), created.bodyText());
        }
        RawHttp.Response limited = answers.get(5);
        JsonPath problem = problem(limited, "RATE_LIMITED", JsonPath.from(limited.bodyText()).getString("instance"));
        assertTrue(problem.getString("instance").matches("/api/v1/articles/\\d+/comments"), problem.prettify());
        assertEquals("At most 5 comments a minute from one address", problem.getString("detail"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
    }

    private static RawHttp.Response post(String proxy, String forwardedFor, String body) {
        return RawHttp.postJson(proxy, RestAssured.port, path(article()), Map.of("X-Forwarded-For", forwardedFor),
                "{\"authorName\":\"Client\",\"body\":\"" + body + "\"}");
    }

    private static String storedAddress(RawHttp.Response created) {
        assertEquals(201, created.status(), created.bodyText());
        long id = JsonPath.from(created.bodyText()).getLong("id");
        return QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findById(id).clientAddress);
    }

    private static long article() {
        return Fixtures.publishedArticle(Fixtures.unique("proxied")).jsonPath().getLong("id");
    }

    private static String path(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
