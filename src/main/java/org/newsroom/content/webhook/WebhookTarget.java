package org.newsroom.content.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ApiException;

/**
 * A subscription's URL, read and checked: {@code https} (or {@code http} when {@code content.webhooks.allow-http}), a
 * host, no user information, no fragment; and the address it resolves to, checked when the subscription is made and
 * again before every attempt ({@link AddressRule}). The attempt then connects to the address that was checked
 * (DNS rebinding cannot swap it in between).
 */
record WebhookTarget(URI uri, String host, int port, boolean tls) {

    static final int MAX_LENGTH = 2000;

    /** Reads {@code url} as a subscription's, or throws a 400 naming the field {@code url}. */
    static WebhookTarget parse(String url, ContentConfig.Webhooks settings) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw ApiException.invalid("url", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
            throw ApiException.invalid("url", settings.allowHttp()
                    ? "must be an http or https URL"
                    : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalid("url", "must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.invalid("url", "must not have a fragment (#...)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw ApiException.invalid("url", "must name a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new WebhookTarget(uri, host, port, tls);
    }

    /** The host as a request names it ({@code Host}, TLS): an IPv6 literal in brackets. */
    String requestHost() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** The path and query to send to (at least {@code /}). */
    String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * The address to connect to: the host's first address, when every address it resolves to may be reached. Throws
     * {@link Refused} otherwise (or when it does not resolve).
     */
    InetAddress resolve(boolean allowPrivate) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                String refusal = AddressRule.refusal(address);
                if (refusal != null) {
                    throw new Refused("the host " + host + " resolves to " + refusal + " (" + address.getHostAddress()
                            + "), which content.webhooks.allow-private-addresses does not allow");
                }
            }
        }
        return addresses[0];
    }

    /** The URL may not be reached (now). */
    static final class Refused extends Exception {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
