package org.newsroom.content.shared.client;

import java.util.Arrays;
import java.util.Optional;

import io.netty.util.NetUtil;

/**
 * An IP address read from a literal, never from a name: parsing never asks DNS. An IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) is the IPv4 address it carries.
 */
public record IpLiteral(byte[] bytes) {

    private static final int IPV6_NETWORK_BYTES = 8;

    /**
     * The address in {@code text} (an X-Forwarded-For entry or a socket's host address): IPv4 dotted, IPv6 (in
     * brackets or not, a zone dropped), either with a port ({@code 192.0.2.1:443}, {@code [2001:db8::1]:443});
     * empty for anything else (a name, {@code unknown}, an obfuscated identifier, garbage).
     */
    public static Optional<IpLiteral> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            literal = literal.substring(1, close);
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            // One colon: an IPv4 address with a port (an IPv6 address has at least two).
            literal = literal.substring(0, literal.indexOf(':'));
        }
        return exactly(literal);
    }

    /** The address {@code literal} is, with nothing around it (no port, no brackets); empty when it is none. */
    static Optional<IpLiteral> exactly(String literal) {
        byte[] bytes = literal.startsWith("[") ? null : NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return Optional.of(new IpLiteral(bytes));
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /**
     * The client identity this address stands for: an IPv4 address counts alone ({@code 192.0.2.1}); an IPv6 address
     * counts with its /64 ({@code 2001:db8:1:2::/64}), the smallest block a network hands to one subscriber, so that
     * rotating through it makes no new client.
     */
    public String identity() {
        if (isIpv4()) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        byte[] network = Arrays.copyOf(bytes, 16);
        Arrays.fill(network, IPV6_NETWORK_BYTES, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(network) + "/64";
    }

    /**
     * The block this address is logged as (README: Security and privacy): its IPv4 /24 ({@code 192.0.2.0/24}) or its
     * IPv6 /48 ({@code 2001:db8:1::/48}), a network shared by many subscribers, never the address or the /64 that
     * stands for one client.
     */
    public String loggedNetwork() {
        int keptBytes = isIpv4() ? 3 : 6;
        byte[] network = Arrays.copyOf(bytes, bytes.length);
        Arrays.fill(network, keptBytes, bytes.length, (byte) 0);
        return NetUtil.bytesToIpAddress(network) + "/" + keptBytes * 8;
    }

    /** Whether this address lies in the block of {@code prefixLength} bits starting at {@code network}. */
    boolean isIn(IpLiteral network, int prefixLength) {
        if (network.bytes.length != bytes.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network.bytes[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpLiteral literal && Arrays.equals(bytes, literal.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(bytes);
    }
}
