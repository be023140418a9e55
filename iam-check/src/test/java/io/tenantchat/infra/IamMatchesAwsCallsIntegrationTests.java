package io.tenantchat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every AWS call a service made during the e2e run (aws-request-metrics' call log, one file per module in
 * e2e-tests/target/aws-calls) must be allowed by that service's task role in infra/terraform: the action on the
 * table, index, queue or bus it named, table and queue addresses resolved to the names their variables default to.
 * Grants whose resource is not a named table/queue/bus (the model ARNs, the tenant-scoped role) are matched by
 * action. Actions granted but not used in the run are reported in {@code target/iam-check-report.txt}, not failed:
 * the e2e run may not reach every path (operators' re-aggregation, the agent back-ends).
 */
class IamMatchesAwsCallsIntegrationTests {

    /** Module → its task role ({@code aws_iam_role.<name>}). */
    static final Map<String, String> ROLES =
            Map.of("api-service", "api_task", "worker-service", "worker_task", "usage-aggregator", "aggregator_task");

    private static final Pattern ADDRESS = Pattern.compile("^(aws_\\w+)\\.(\\w+)(.*)$");

    static TerraformConfig terraform;
    static Path callLogs;

    @BeforeAll
    static void readTheTerraformConfiguration() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("tenantchat.repository-root", "..")).toAbsolutePath().normalize();
        Path infraTests = Path.of(System.getProperty("tenantchat.infra-tests-dir", "../infra-tests"))
                .toAbsolutePath().normalize();
        callLogs = Path.of(System.getProperty("tenantchat.aws-call-log.dir", "../e2e-tests/target/aws-calls"))
                .toAbsolutePath().normalize();
        terraform = TerraformConfig.load(root.resolve("infra/terraform"), infraTests);
    }

    @Test
    void everyAwsCallOfTheE2eRunIsAllowedByItsServicesTaskRole() throws IOException {
        List<String> denied = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, String> service : new TreeMap<>(ROLES).entrySet()) {
            Set<AwsCall> calls = calls(service.getKey());
            Map<String, Set<String>> grants = logicalGrants(RoleGrants.of(terraform, service.getValue()));
            Map<String, Set<String>> unused = new TreeMap<>();
            grants.forEach((resource, actions) -> unused.put(resource, new TreeSet<>(actions)));
            for (AwsCall call : calls) {
                List<String> allowing = allowing(grants, call);
                if (allowing.isEmpty()) {
                    denied.add(service.getKey() + " (aws_iam_role." + service.getValue() + "): " + call);
                }
                allowing.forEach(resource -> unused.get(resource).remove(call.action()));
            }
            report.add(service.getKey() + " (aws_iam_role." + service.getValue() + "): " + calls.size()
                    + " distinct calls; granted but not used in this run:");
            unused.forEach((resource, actions) -> actions.forEach(action ->
                    report.add("  " + action + " on " + resource)));
        }
        writeReport(report, denied);
        assertThat(denied).as("AWS calls the e2e run made that the task roles in infra/terraform do not allow "
                + "(on AWS each is an AccessDenied)").isEmpty();
    }

    private static Set<AwsCall> calls(String module) throws IOException {
        Path log = callLogs.resolve(module + ".calls");
        assertThat(log).as("""
                the AWS call log of %s, written by the e2e run: run the e2e tests first (./mvnw verify runs \
                e2e-tests before iam-check; the services append their calls when the e2e JVM has \
                -Dtenantchat.aws-call-log.dir)""".formatted(module)).isRegularFile();
        Set<AwsCall> calls = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(AwsCall::parse).forEach(calls::add);
        assertThat(calls).as("calls recorded in %s", log).isNotEmpty();
        return calls;
    }

    /** Grants keyed by table/queue/bus name ({@code tenant-sessions/index/*}), or by the address when not a name. */
    private static Map<String, Set<String>> logicalGrants(RoleGrants grants) {
        Map<String, Set<String>> logical = new TreeMap<>();
        grants.actionsByResource().forEach((resource, actions) ->
                logical.computeIfAbsent(logicalName(resource).orElse(resource), r -> new TreeSet<>()).addAll(actions));
        return logical;
    }

    static Optional<String> logicalName(String resource) {
        Matcher address = ADDRESS.matcher(resource);
        if (!address.matches() || !Set.of("aws_dynamodb_table", "aws_sqs_queue", "aws_cloudwatch_event_bus")
                .contains(address.group(1))) {
            return Optional.empty();
        }
        return terraform.resolveAddress(address.group(1) + "." + address.group(2) + ".name")
                .map(name -> name + address.group(3));
    }

    private static List<String> allowing(Map<String, Set<String>> grants, AwsCall call) {
        String action = call.action();
        List<String> allowing = new ArrayList<>();
        grants.forEach((resource, actions) -> {
            boolean named = !resource.startsWith("aws_") && !resource.startsWith("${") && !resource.contains("*:");
            boolean onResource = !named || call.resource().equals("-") || matches(resource, call.resource());
            if (onResource && actions.stream().anyMatch(granted -> matches(granted, action))) {
                allowing.add(resource);
            }
        });
        return allowing;
    }

    /** IAM wildcard matching: {@code *} any run of characters, {@code ?} one. */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    private static void writeReport(List<String> report, List<String> denied) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("IAM check: AWS calls of the e2e run (" + callLogs + ") against infra/terraform's task roles");
        lines.add(denied.isEmpty() ? "every call is allowed" : "NOT ALLOWED:");
        denied.forEach(line -> lines.add("  " + line));
        lines.addAll(report);
        Path file = Path.of(System.getProperty("tenantchat.iam-check.report", "target/iam-check-report.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }
}
