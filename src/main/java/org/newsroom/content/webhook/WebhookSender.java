package org.newsroom.content.webhook;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.config.ContentConfig;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one signed request to a subscriber and tells what came of it. The host is resolved and every address checked
 * ({@link WebhookTarget#resolve}) just before, and the connection goes to the address that was checked: the request
 * keeps the URL's host for {@code Host}, TLS's server name and the certificate check. Redirects are never followed;
 * the answer's body is never read (the connection is closed once the status line and headers are in).
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "news-content-webhooks/1 (Standard Webhooks)";
    private static final int MAX_ERROR_LENGTH = 300;

    private final ContentConfig.Webhooks settings;
    private final HttpClient client;

    public WebhookSender(ContentConfig config, Vertx vertx) {
        this.settings = config.webhooks();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis()).setKeepAlive(false)
                .setVerifyHost(true).setMaxPoolSize(Math.max(1, settings.concurrency())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What one attempt came to: a status code (null when there was no answer), the Retry-After, an error. */
    public record Attempt(Integer status, String retryAfter, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Attempt send(String url, String messageId, long timestampSeconds, String signature, byte[] body) {
        WebhookTarget target;
        InetAddress address;
        try {
            target = WebhookTarget.parse(url, settings);
            address = target.resolve(settings.allowPrivateAddresses());
        } catch (WebhookTarget.Refused e) {
            return new Attempt(null, null, truncate("refused: " + e.getMessage()));
        } catch (RuntimeException e) {
            return new Attempt(null, null, truncate("refused: the URL is no longer allowed here"));
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.requestHost())
                .setPort(target.port()).setSsl(target.tls()).setURI(target.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setFollowRedirects(false).setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.readTimeout().toMillis())
                .putHeader("Content-Type", "application/json").putHeader("User-Agent", USER_AGENT)
                .putHeader("webhook-id", messageId).putHeader("webhook-timestamp", Long.toString(timestampSeconds))
                .putHeader("webhook-signature", signature);
        Duration bound = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1);
        try {
            return client.request(request).compose(sent -> sent.send(Buffer.buffer(body)).map(answer -> {
                Attempt attempt = answered(answer);
                sent.connection().close();
                return attempt;
            })).toCompletionStage().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Attempt(null, null, "timed out after " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Attempt(null, null, truncate(describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, null, "interrupted (the instance stopped)");
        }
    }

    private static Attempt answered(HttpClientResponse answer) {
        int status = answer.statusCode();
        String error = null;
        if (status >= 300 && status < 400) {
            String location = answer.getHeader("Location");
            error = "redirect not followed" + (location == null ? "" : " (Location: " + location + ")");
        } else if (status < 200 || status >= 300) {
            error = "answered " + status;
        }
        return new Attempt(status, answer.getHeader("Retry-After"), truncate(error));
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out: " + failure.getMessage();
        }
        return "connection failed: " + (failure.getMessage() == null ? name : failure.getMessage());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }
}
