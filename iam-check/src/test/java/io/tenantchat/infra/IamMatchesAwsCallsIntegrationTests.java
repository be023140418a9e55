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
 * e2e-tests/target/aws-calls) must be allowed by the role in infra/terraform that signs it (the service's task role,
 * or for the api's tenant client the tenant-scoped role; see {@link #everyAwsCallOfTheE2eRunIsAllowedByTheRoleThatSignsIt}): the action on the
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

    /**
     * Every call is held against the role that signs it: a call the service signs itself ({@code service}) against
     * its task role; a call of the api's tenant client ({@code tenant}) against the role Terraform passes to the api
     * as {@code TENANTCHAT_AWS_SCOPED_CREDENTIALS_ROLE_ARN} (the tenant-scoped role, when
     * {@code enable_scoped_credentials}) and against the api's task role, which signs it when that is switched off.
     */
    @Test
    void everyAwsCallOfTheE2eRunIsAllowedByTheRoleThatSignsIt() throws IOException {
        String tenantRole = tenantSigningRole();
        Map<String, Map<String, Set<AwsCall>>> callsByRole = new TreeMap<>();
        for (Map.Entry<String, String> service : new TreeMap<>(ROLES).entrySet()) {
            for (AwsCall call : calls(service.getKey())) {
                List<String> signers = !call.signer().equals(AwsCall.TENANT) ? List.of(service.getValue())
                        : service.getKey().equals("api-service") ? List.of(tenantRole, service.getValue())
                        : List.of();
                assertThat(signers).as("%s: only api-service has a tenant client: %s", service.getKey(), call)
                        .isNotEmpty();
                signers.forEach(role -> callsByRole.computeIfAbsent(role, r -> new TreeMap<>())
                        .computeIfAbsent(service.getKey(), m -> new TreeSet<>(BY_TEXT)).add(call));
            }
        }
        List<String> denied = new ArrayList<>();
        List<String> report = new ArrayList<>();
        report.add("calls of the api's tenant client are signed with aws_iam_role." + tenantRole
                + " (enable_scoped_credentials = " + terraform.resolveAddress("var.enable_scoped_credentials")
                .orElse("?") + " by default) or, switched off, with the api's task role: both are checked");
        callsByRole.forEach((role, byModule) -> {
            Map<String, Set<String>> grants = logicalGrants(RoleGrants.of(terraform, role));
            Map<String, Set<String>> unused = new TreeMap<>();
            grants.forEach((resource, actions) -> unused.put(resource, new TreeSet<>(actions)));
            int count = 0;
            for (Map.Entry<String, Set<AwsCall>> module : byModule.entrySet()) {
                for (AwsCall call : module.getValue()) {
                    count++;
                    List<String> allowing = allowing(grants, call);
                    if (allowing.isEmpty()) {
                        denied.add("aws_iam_role." + role + " (" + module.getKey() + "): " + call);
                    }
                    allowing.forEach(resource -> unused.get(resource).remove(call.action()));
                }
            }
            report.add("aws_iam_role." + role + " (" + String.join(", ", byModule.keySet()) + "): " + count
                    + " distinct calls signed with it; granted but not used in this run:");
            unused.forEach((resource, actions) -> actions.forEach(action ->
                    report.add("  " + action + " on " + resource)));
        });
        writeReport(report, denied);
        assertThat(denied).as("AWS calls the e2e run made that the role signing them in infra/terraform does not "
                + "allow (on AWS each is an AccessDenied)").isEmpty();
    }

    /** The role whose ARN infra/terraform passes to api-service as its scoped-credentials role. */
    static String tenantSigningRole() {
        Pattern setting = Pattern.compile("TENANTCHAT_AWS_SCOPED_CREDENTIALS_ROLE_ARN\\W+aws_iam_role\\.(\\w+)\\.arn");
        return terraform.locals().values().stream().map(String::valueOf) // the locals' JSON, maps included
                .map(setting::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("infra/terraform passes no aws_iam_role to api-service as "
                        + "TENANTCHAT_AWS_SCOPED_CREDENTIALS_ROLE_ARN"));
    }

    private static final java.util.Comparator<AwsCall> BY_TEXT = java.util.Comparator.comparing(AwsCall::toString);

    private static Set<AwsCall> calls(String module) throws IOException {
        Path log = callLogs.resolve(module + ".calls");
        assertThat(log).as("""
                the AWS call log of %s, written by the e2e run: run the e2e tests first (./mvnw verify runs \
                e2e-tests before iam-check; the services append their calls when the e2e JVM has \
                -Dtenantchat.aws-call-log.dir)""".formatted(module)).isRegularFile();
        Set<AwsCall> calls = new TreeSet<>(BY_TEXT);
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
        lines.add("IAM check: AWS calls of the e2e run (" + callLogs + ") against the infra/terraform role that signs "
                + "each");
        lines.add(denied.isEmpty() ? "every call is allowed" : "NOT ALLOWED:");
        denied.forEach(line -> lines.add("  " + line));
        lines.addAll(report);
        Path file = Path.of(System.getProperty("tenantchat.iam-check.report", "target/iam-check-report.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }
}
