package org.newsroom.content.shared.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.newsroom.content.shared.config.ContentConfig;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client a request counts for, in rate limits, the repeat rule and reports, and as stored with what it wrote
 * (docs/http-api.md §5): see {@link ClientResolver}. Built at start-up, so that a bad
 * {@code content.client.trusted-proxies} stops the service rather than its first comment.
 */
@ApplicationScoped
@Startup
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientResolver resolver;

    public ClientAddress(ContentConfig config) {
        this.resolver = ClientResolver.trusting(config.client().trustedProxies().orElse(List.of()));
        if (ConfigProvider.getConfig().getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false)) {
            LOG.warn("quarkus.http.proxy.proxy-address-forwarding is on, and unused: client addresses come from the"
                    + " connection and content.client.trusted-proxies (README: Configuration)");
        }
    }

    /** The identity of this request's client: an IPv4 address, or an IPv6 /64 ({@code 2001:db8:1:2::/64}). */
    public String of(HttpServerRequest request) {
        // The connection's peer, not request.remoteAddress(): Quarkus's own proxy forwarding, if someone turns it
        // on, rewrites that one from the left-most X-Forwarded-For entry, which the client chooses.
        SocketAddress peer = request.connection() != null
                ? request.connection().remoteAddress()
                : request.remoteAddress();
        return resolver.identify(peer == null ? null : peer.hostAddress(), request.headers().getAll(FORWARDED_FOR));
    }

    /**
     * The network this request's client is logged as: its IPv4 /24 or IPv6 /48, never its address (README: Security
     * and privacy).
     */
    public String loggedNetworkOf(HttpServerRequest request) {
        return ClientResolver.loggedNetwork(of(request));
    }
}
