package org.newsroom.content.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may reach: only public ones, unless {@code content.webhooks.allow-private-addresses}.
 * Refused: loopback, private (RFC 1918), link-local, unique-local IPv6 (fc00::/7), site-local IPv6, CGNAT
 * (100.64.0.0/10), multicast, unspecified, "this network" (0.0.0.0/8), broadcast and reserved (240.0.0.0/4),
 * benchmarking (198.18.0.0/15), IETF protocol assignments (192.0.0.0/24), and IPv6 addresses that carry an IPv4 one
 * (IPv4-mapped, which Java reads as IPv4; IPv4-compatible, NAT64 64:ff9b::/96 and 6to4 2002::/16) when the IPv4 one is
 * refused.
 */
final class AddressRule {

    private AddressRule() {
    }

    /** Why {@code address} may not be reached, or null when it may. */
    static String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalOfIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                try {
                    String refused = refusal(InetAddress.getByAddress(embedded));
                    return refused == null ? null : refused + " (inside an IPv6 address)";
                } catch (java.net.UnknownHostException e) {
                    return "an unreadable address";
                }
            }
        }
        return null;
    }

    private static String refusalOfIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "a \"this network\" address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a shared (CGNAT) address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "an IETF protocol address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address";
        }
        if (first >= 240) {
            return "a reserved or broadcast address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 or 6to4 IPv6 address; null for any other. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (zeroPrefix || nat64) {
            return new byte[]{b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[]{b[2], b[3], b[4], b[5]};
        }
        return null;
    }
}
