package io.tenantchat.api.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local endpoint that answers {@code AssumeRole} the way STS does (AWS Query protocol, XML reply), records every
 * request's form parameters, and hands out credentials named after the requested tenant tag.
 */
public final class FakeSts implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile Duration lifetime = Duration.ofHours(1);

    private FakeSts(HttpServer server) {
        this.server = server;
    }

    public static FakeSts start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeSts sts = new FakeSts(server);
            server.createContext("/", sts::answer);
            server.start();
            return sts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Credentials handed out from now on expire this long after they are issued. */
    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(form);
        byte[] body = reply(form.getOrDefault("Tags.member.1.Value", "none")).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String reply(String tenant) {
        Instant expiry = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        return """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/tenantchat-tenant/tenantchat-%1$s</Arn>
                      <AssumedRoleId>AROATESTROLE:tenantchat-%1$s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>ASIA-%1$s-%2$d</AccessKeyId>
                      <SecretAccessKey>secret-%1$s</SecretAccessKey>
                      <SessionToken>token-%1$s</SessionToken>
                      <Expiration>%3$s</Expiration>
                    </Credentials>
                    <PackedPolicySize>7</PackedPolicySize>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>%2$d</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(tenant, requests.size(), expiry);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return form;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
