package io.tenantchat.api.erasure.adapter.out.sqs;

import io.tenantchat.shared.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The letters a purge keeps and holds invisible meanwhile, by SQS message id with their latest receipt handle. */
final class HeldLetters {

    private final TenantId tenantId;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Message> held = new LinkedHashMap<>();

    HeldLetters(TenantId tenantId) {
        this.tenantId = tenantId;
    }

    /** @return whether any of {@code letters} was not seen before */
    boolean take(List<Message> letters) {
        boolean fresh = false;
        for (Message letter : letters) {
            fresh |= seen.add(letter.messageId());
            held.put(letter.messageId(), letter);
        }
        return fresh;
    }

    boolean anyOfTheTenantsGroups() {
        return held.values().stream().anyMatch(this::inTheTenantsGroup);
    }

    /** Stops holding the letters of the tenant's message groups, and returns them. */
    List<Message> releaseTheTenantsGroups() {
        List<Message> released = held.values().stream().filter(this::inTheTenantsGroup).toList();
        released.forEach(letter -> held.remove(letter.messageId()));
        return released;
    }

    /** Stops holding every letter, and returns them. */
    List<Message> releaseAll() {
        List<Message> released = new ArrayList<>(held.values());
        held.clear();
        return released;
    }

    /** Message groups are tenant-scoped: {@code <tenant>} or {@code <tenant>#<session>}; '#' is never in a tenant id. */
    private boolean inTheTenantsGroup(Message letter) {
        String group = letter.attributes().getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, "");
        return group.equals(tenantId.value()) || group.startsWith(tenantId.value() + "#");
    }
}
