package io.tenantchat.awsmetrics;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What one SDK request acts on, read from its modelled members without knowing any service's classes: a table
 * ({@code TableName}, with {@code /index/<IndexName>} for an index), a queue ({@code QueueUrl} → its name, or
 * {@code QueueName}), an event bus, a model, an agent, a role. Transactions and batches act on each item's table;
 * a transaction's items are reported as {@code TransactWriteItems.Put}, {@code TransactWriteItems.Update}, ...
 */
final class AwsCallResources {

    /** No resource named in the request. */
    static final String NONE = "-";

    record Call(String operation, String resource) {}

    private AwsCallResources() {}

    static Set<Call> of(String operation, SdkPojo request) {
        Set<Call> calls = new LinkedHashSet<>();
        if (member(request, "TransactItems") instanceof List<?> items) {
            items.stream().filter(SdkPojo.class::isInstance).map(SdkPojo.class::cast).forEach(item ->
                    item.sdkFields().forEach(field -> {
                        if (field.getValueOrDefault(item) instanceof SdkPojo action) {
                            calls.add(new Call(operation + "." + field.memberName(), resource(action)));
                        }
                    }));
        } else if (member(request, "RequestItems") instanceof Map<?, ?> tables) {
            tables.keySet().forEach(table -> calls.add(new Call(operation, String.valueOf(table))));
        } else if (member(request, "Entries") instanceof List<?> entries && member(request, "QueueUrl") == null) {
            entries.stream().filter(SdkPojo.class::isInstance).map(SdkPojo.class::cast)
                    .forEach(entry -> calls.add(new Call(operation, bus(member(entry, "EventBusName")))));
        }
        if (calls.isEmpty()) {
            calls.add(new Call(operation, resource(request)));
        }
        return calls;
    }

    private static String resource(SdkPojo request) {
        if (member(request, "TableName") instanceof String table) {
            return member(request, "IndexName") instanceof String index ? table + "/index/" + index : table;
        }
        if (member(request, "QueueUrl") instanceof String url) {
            return url.substring(url.lastIndexOf('/') + 1);
        }
        if (member(request, "AgentId") instanceof String agent) {
            return "agent-alias/" + agent + "/" + member(request, "AgentAliasId");
        }
        for (String name : List.of("QueueName", "ModelId", "AgentRuntimeArn", "RoleArn", "SecretId", "Name")) {
            if (member(request, name) instanceof String value) {
                return value;
            }
        }
        return NONE;
    }

    private static String bus(@Nullable Object name) {
        if (!(name instanceof String bus) || bus.isEmpty()) {
            return "default";
        }
        return bus.substring(bus.lastIndexOf('/') + 1);
    }

    private static @Nullable Object member(SdkPojo pojo, String name) {
        Collection<SdkField<?>> fields = pojo.sdkFields();
        for (SdkField<?> field : fields) {
            if (field.memberName().equalsIgnoreCase(name)) {
                return field.getValueOrDefault(pojo);
            }
        }
        return null;
    }
}
