package io.tenantchat.infra;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an IAM role's inline policies allow, as {@code resource → actions}, resources written as Terraform addresses
 * where they are ARNs of resources in the configuration ({@code aws_sqs_queue.chat_requests}).
 */
record RoleGrants(String role, Map<String, Set<String>> actionsByResource) {

    private static final Pattern DOCUMENT = Pattern.compile("data\\.aws_iam_policy_document\\.(\\w+)\\.json");

    static RoleGrants of(TerraformConfig terraform, String role) {
        Map<String, Set<String>> grants = new TreeMap<>();
        terraform.resources("aws_iam_role_policy").values().stream()
                .filter(policy -> Hcl.references(policy.path("role"), "aws_iam_role." + role))
                .map(policy -> documentOf(Hcl.text(policy.path("policy"))))
                .flatMap(document -> PolicyStatement.of(terraform, document))
                .filter(PolicyStatement::allows)
                .forEach(statement -> statement.resources().forEach(resource -> grants
                        .computeIfAbsent(Hcl.resourceAddress(resource), r -> new TreeSet<>())
                        .addAll(statement.actions())));
        return new RoleGrants(role, grants);
    }

    static String documentOf(String policyExpression) {
        Matcher document = DOCUMENT.matcher(policyExpression);
        if (!document.find()) {
            throw new AssertionError("not an aws_iam_policy_document: " + policyExpression);
        }
        return document.group(1);
    }

    Set<String> on(String resource) {
        return actionsByResource.getOrDefault(resource, Set.of());
    }

    /** Every action granted on any resource. */
    Set<String> actions() {
        Set<String> all = new TreeSet<>();
        actionsByResource.values().forEach(all::addAll);
        return all;
    }
}
