package io.tenantchat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/services/&lt;service&gt;.md stays current with the code: it names every environment variable the service's
 * application.yml reads and every {@code tenantchat.*} meter or observation its code registers.
 */
class ServicePagesTests {

    /** A meter or observation name: a {@code tenantchat.*} literal passed to a builder or to TraceContext, or a constant. */
    private static final Pattern METER = Pattern.compile(
            "(?:builder\\(\\s*|TraceContext\\.\\w+\\(\\s*\\w+,\\s*|static final String \\w+ = )\"(tenantchat(?:\\.[a-z_]+){2,})\"");

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "worker-service", "usage-aggregator"})
    void servicePageNamesEveryEnvironmentVariableTheServiceReads(String service) throws IOException {
        Set<String> variables = ServiceSettings.read(DocumentationLinksTests.ROOT, service).defaults().keySet();
        assertThat(variables).isNotEmpty();

        String page = page(service);

        assertThat(variables.stream().filter(v -> !page.contains("`" + v) && !page.contains("{" + v)))
                .as("environment variables of %s missing from docs/services/%s.md", service, service).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "worker-service", "usage-aggregator"})
    void servicePageNamesEveryMeterTheServiceRegisters(String service) throws IOException {
        Set<String> meters = meters(DocumentationLinksTests.ROOT.resolve(service).resolve("src/main/java"));
        meters.addAll(meters(DocumentationLinksTests.ROOT.resolve("aws-request-metrics/src/main/java")));
        assertThat(meters).contains("tenantchat.aws.requests");

        String page = page(service);

        assertThat(meters.stream().filter(m -> !page.contains("`" + m + "`")))
                .as("meters of %s missing from docs/services/%s.md", service, service).isEmpty();
    }

    @Test
    void findsMetersInBuildersTraceContextsAndConstants() {
        String source = """
                Counter.builder("tenantchat.chat.requests").tag("kind", kind);
                TraceContext.sending(observations, "tenantchat.chat.job.send", "AWS SQS", trace -> send());
                static final String REJECTED = "tenantchat.usage.events.rejected";
                @ConfigurationProperties("tenantchat.stream.redis")
                static final String STATE = "tenantchat.socket";
                """;

        assertThat(meters(source)).containsExactly("tenantchat.chat.job.send", "tenantchat.chat.requests",
                "tenantchat.usage.events.rejected");
    }

    private static String page(String service) throws IOException {
        return Files.readString(DocumentationLinksTests.ROOT.resolve("docs/services").resolve(service + ".md"));
    }

    private static Set<String> meters(Path sources) throws IOException {
        Set<String> meters = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                meters.addAll(meters(Files.readString(file)));
            }
        }
        return meters;
    }

    private static Set<String> meters(String source) {
        Set<String> meters = new TreeSet<>();
        Matcher meter = METER.matcher(source);
        while (meter.find()) {
            meters.add(meter.group(1));
        }
        return meters;
    }
}
