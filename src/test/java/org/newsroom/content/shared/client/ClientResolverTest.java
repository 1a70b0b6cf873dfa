package org.newsroom.content.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who a request counts as: one line per case, the proxies trusted, the peer, the X-Forwarded-For lines, the client. */
class ClientResolverTest {

    private static final List<String> NONE = List.of();
    private static final List<String> PROXY = List.of("10.0.0.1");
    private static final List<String> PROXIES = List.of("10.0.0.0/8", "fd00::/8", "::ffff:192.168.0.0/112");

    static Stream<Arguments> cases() {
        return Stream.of(
                // No proxy trusted: the peer, whatever the headers say.
                row(NONE, "192.0.2.1", "192.0.2.1"),
                row(NONE, "192.0.2.1", "192.0.2.1", "203.0.113.9"),
                row(NONE, "10.0.0.1", "10.0.0.1", "203.0.113.9"),
                // A trusted proxy's peer: the right-most entry it appended, never the client's own left-most one.
                row(PROXY, "10.0.0.1", "203.0.113.9", "203.0.113.9"),
                row(PROXY, "10.0.0.1", "203.0.113.9", "198.51.100.1, 203.0.113.9"),
                row(PROXY, "10.0.0.1", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
                row(PROXY, "10.0.0.1", "203.0.113.9", "1.1.1.1,2.2.2.2 ,  203.0.113.9"),
                // Several trusted hops are skipped, right to left.
                row(PROXIES, "10.0.0.1", "203.0.113.9", "198.51.100.1, 203.0.113.9, 10.2.3.4, 10.9.9.9"),
                row(PROXIES, "fd00::1", "203.0.113.9", "198.51.100.1, 203.0.113.9, [fd12::7]:8443"),
                // Only trusted hops: the left-most of them.
                row(PROXIES, "10.0.0.1", "10.2.3.4", "10.2.3.4, 10.5.5.5"),
                // A trusted peer without the header is the client.
                row(PROXY, "10.0.0.1", "10.0.0.1"),
                row(PROXY, "10.0.0.1", "10.0.0.1", ""),
                // Not an IP address: the walk stops at the nearest trusted hop, which counts as the client.
                row(PROXY, "10.0.0.1", "10.0.0.1", "unknown"),
                row(PROXY, "10.0.0.1", "10.0.0.1", "203.0.113.9, evil.example"),
                row(PROXIES, "10.0.0.1", "10.7.7.7", "203.0.113.9, _hidden, 10.7.7.7"),
                row(PROXY, "10.0.0.1", "10.0.0.1", "203.0.113.9, "),
                row(PROXY, "10.0.0.1", "10.0.0.1", "1.2.3"),
                row(PROXY, "10.0.0.1", "10.0.0.1", "1.2.3.256"),
                row(PROXY, "10.0.0.1", "10.0.0.1", "localhost"),
                // Ports and brackets are dropped.
                row(PROXY, "10.0.0.1", "203.0.113.9", "203.0.113.9:51234"),
                row(PROXY, "10.0.0.1", "2001:db8::/64", "[2001:db8::1]:443"),
                // IPv6 counts per /64; one /64 is one client, the next /64 another.
                row(NONE, "2001:db8:1:2::1", "2001:db8:1:2::/64"),
                row(NONE, "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
                row(NONE, "2001:DB8:1:3::1", "2001:db8:1:3::/64"),
                row(NONE, "fe80::1%eth0", "fe80::/64"),
                row(PROXY, "10.0.0.1", "2001:db8:1:2::/64", "2001:db8:1:2:aaaa::1"),
                // IPv4-mapped IPv6 is IPv4, as a peer, a hop and a trusted proxy.
                row(NONE, "::ffff:192.0.2.1", "192.0.2.1"),
                row(PROXY, "::ffff:10.0.0.1", "203.0.113.9", "::ffff:203.0.113.9"),
                row(PROXIES, "192.168.3.4", "203.0.113.9", "203.0.113.9"),
                row(PROXIES, "192.169.3.4", "192.169.3.4", "203.0.113.9"),
                // Blocks: the trusted one only.
                row(PROXIES, "11.0.0.1", "11.0.0.1", "203.0.113.9"),
                row(PROXIES, "fe00::1", "fe00::/64", "203.0.113.9"),
                // A peer with no IP address (a Unix socket) is still someone.
                row(NONE, null, "unknown"));
    }

    @ParameterizedTest(name = "{index}: trusting {0}, peer {1}, X-Forwarded-For {3} is {2}")
    @MethodSource("cases")
    void identifiesTheClient(List<String> trusted, String peer, String client, List<String> forwardedFor) {
        assertEquals(client, ClientResolver.trusting(trusted).identify(peer, forwardedFor));
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddressOrBlock() {
        for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "[::1]",
                "10.0.0.1:80", "10.0.0", "::ffff:10.0.0.0/64")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ClientResolver.trusting(List.of(bad)), bad);
            assertEquals("content.client.trusted-proxies: '" + bad
                    + "' is not an IP address or block (such as 10.0.0.7, 10.0.0.0/8, fd00::/8)",
                    refused.getMessage());
        }
    }

    private static Arguments row(List<String> trusted, String peer, String client, String... forwardedFor) {
        return Arguments.of(trusted, peer, client, Arrays.asList(forwardedFor));
    }
}
