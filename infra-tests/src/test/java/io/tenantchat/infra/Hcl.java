package io.tenantchat.infra;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reading values as hcl2json renders them: literals as JSON, expressions as {@code "${...}"} strings. */
final class Hcl {

    private static final Pattern ARN_OF = Pattern.compile("\\$\\{(aws_\\w+\\.\\w+)\\.arn}");

    private Hcl() {}

    /** A scalar as text: strings as they are, numbers and booleans as Terraform would print them. */
    static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    /** A list's elements as text; a single value (e.g. an expression that yields a list) as one element. */
    static List<String> strings(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        return value.isArray() ? value.valueStream().map(Hcl::text).toList() : List.of(text(value));
    }

    /** The first block of a block list ({@code point_in_time_recovery { ... }} becomes a one-element array). */
    static JsonNode block(JsonNode parent, String name) {
        return parent.path(name).path(0);
    }

    /** Whether an expression mentions a Terraform address, e.g. {@code aws_kms_key.data} or {@code var.x}. */
    static boolean references(JsonNode value, String address) {
        Pattern reference = Pattern.compile("(?<![\\w.])" + Pattern.quote(address) + "(?![\\w])");
        return strings(value).stream().anyMatch(text -> reference.matcher(text).find());
    }

    /** {@code ${aws_dynamodb_table.sessions.arn}/index/*} becomes {@code aws_dynamodb_table.sessions/index/*}. */
    static String resourceAddress(String arnExpression) {
        return ARN_OF.matcher(arnExpression).replaceAll("$1");
    }
}
