package io.tenantchat.infra;

import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** One statement of an {@code aws_iam_policy_document} data source. */
record PolicyStatement(String document, JsonNode body) {

    /** Every statement of every policy document in the configuration. */
    static List<PolicyStatement> all(TerraformConfig terraform) {
        return terraform.dataSources("aws_iam_policy_document").keySet().stream()
                .flatMap(name -> of(terraform, name))
                .toList();
    }

    static Stream<PolicyStatement> of(TerraformConfig terraform, String document) {
        JsonNode body = terraform.dataSources("aws_iam_policy_document").get(document);
        if (body == null) {
            throw new AssertionError("no aws_iam_policy_document " + document);
        }
        return body.path("statement").valueStream().map(statement -> new PolicyStatement(document, statement));
    }

    boolean allows() {
        return !"Deny".equals(body.path("effect").asString("Allow"));
    }

    List<String> actions() {
        return Hcl.strings(body.path("actions"));
    }

    List<String> resources() {
        return Hcl.strings(body.path("resources"));
    }

    boolean usesNegations() {
        return Stream.of("not_actions", "not_resources", "not_principals").anyMatch(body::has);
    }

    record Condition(String test, String variable, List<String> values) {}

    /** The statement's conditions on one variable (e.g. {@code dynamodb:LeadingKeys}). */
    List<Condition> conditions(String variable) {
        return body.path("condition").valueStream()
                .map(c -> new Condition(Hcl.text(c.path("test")), Hcl.text(c.path("variable")),
                        Hcl.strings(c.path("values"))))
                .filter(condition -> condition.variable().equals(variable))
                .toList();
    }

    @Override
    public String toString() {
        return "data.aws_iam_policy_document." + document + " statement " + body.path("sid").asString("(no sid)");
    }
}
