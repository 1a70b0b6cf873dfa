package org.newsroom.content.shared.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request (docs/http-api.md §5): the TCP peer, unless the peer is one of our trusted proxies; then the
 * right-most {@code X-Forwarded-For} address that is not a trusted proxy. A proxy appends the address it received the
 * request from, so the entries to the left of the last trusted hop are whatever the client chose to send: they are
 * never read. An entry that is not an IP address stops the walk at the nearest trusted hop, which then counts as the
 * client: every request has an identity, and a limit can never be turned off by a malformed header.
 */
public final class ClientResolver {

    /** The identity of a request whose peer has no IP address (a Unix socket): one client for all of them. */
    static final String UNKNOWN_PEER = "unknown";

    private record Block(IpLiteral network, int prefixLength) {
    }

    private final List<Block> trusted;

    private ClientResolver(List<Block> trusted) {
        this.trusted = trusted;
    }

    /**
     * Trusting the proxies in {@code trustedProxies}: addresses ({@code 10.0.0.7}, {@code ::1}) or blocks
     * ({@code 10.0.0.0/8}, {@code fd00::/8}); an entry that is neither is refused.
     */
    public static ClientResolver trusting(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            IpLiteral network = IpLiteral.exactly(address).orElseThrow(() -> notAProxy(entry));
            int prefixLength = network.bytes().length * 8;
            if (slash >= 0) {
                try {
                    prefixLength = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw notAProxy(entry);
                }
                if (address.contains(":") && network.isIpv4()) {
                    // An IPv4-mapped block (::ffff:10.0.0.0/104) is the IPv4 block it maps.
                    prefixLength -= 96;
                }
                if (prefixLength < 0 || prefixLength > network.bytes().length * 8) {
                    throw notAProxy(entry);
                }
            }
            blocks.add(new Block(network, prefixLength));
        }
        return new ClientResolver(List.copyOf(blocks));
    }

    /**
     * The identity of the client of a request from {@code peerAddress} (the socket's remote host address) carrying
     * these {@code X-Forwarded-For} header lines (each a comma-separated list, in the order received): never null.
     */
    public String identify(String peerAddress, List<String> forwardedFor) {
        Optional<IpLiteral> peer = IpLiteral.parse(peerAddress);
        if (peer.isEmpty()) {
            return UNKNOWN_PEER;
        }
        IpLiteral client = peer.get();
        if (!isTrusted(client)) {
            return client.identity();
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String entry : line.split(",", -1)) {
                hops.add(entry);
            }
        }
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<IpLiteral> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client.identity();
    }

    /**
     * The network a client {@link #identify identified} as {@code identity} is logged as ({@link IpLiteral#loggedNetwork}),
     * or {@code unknown}.
     */
    public static String loggedNetwork(String identity) {
        String address = identity.endsWith("/64") ? identity.substring(0, identity.length() - 3) : identity;
        return IpLiteral.exactly(address).map(IpLiteral::loggedNetwork).orElse(UNKNOWN_PEER);
    }

    public boolean trustsAnyProxy() {
        return !trusted.isEmpty();
    }

    private boolean isTrusted(IpLiteral address) {
        for (Block block : trusted) {
            if (address.isIn(block.network(), block.prefixLength())) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException notAProxy(String entry) {
        return new IllegalArgumentException("content.client.trusted-proxies: '" + entry
                + "' is not an IP address or block (such as 10.0.0.7, 10.0.0.0/8, fd00::/8)");
    }
}
