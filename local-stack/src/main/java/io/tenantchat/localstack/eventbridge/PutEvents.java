package io.tenantchat.localstack.eventbridge;

import io.tenantchat.localstack.eventbridge.EventBridgeWire.PutEventsResponse;
import io.tenantchat.localstack.eventbridge.EventBridgeWire.ResultEntry;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.JsonNode;

/**
 * The PutEvents operation: checks each entry on its own, gives accepted ones an event id and delivers them to the
 * queues of matching rules. A failed delivery is logged, not reported to the caller, as with EventBridge.
 */
final class PutEvents {

    static final int MAX_ENTRIES = 10;

    private static final Logger log = LoggerFactory.getLogger(PutEvents.class);

    private final List<Rule> rules;
    private final SqsClient sqs;
    private final java.util.concurrent.atomic.AtomicInteger entriesToFail = new java.util.concurrent.atomic.AtomicInteger();
    private volatile double failRatio;

    PutEvents(List<Rule> rules, SqsClient sqs) {
        this.rules = rules;
        this.sqs = sqs;
    }

    /** Answers a PutEvents request; one EventBridge refuses as a whole fails with IllegalArgumentException. */
    PutEventsResponse handle(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_ENTRIES);
        }
        List<ResultEntry> results = entries.valueStream().map(PutEventsEntry::from).map(this::accept).toList();
        int failed = (int) results.stream().filter(ResultEntry::isFailure).count();
        return new PutEventsResponse(failed, results);
    }

    /** The next {@code count} well-formed entries fail with {@code InternalFailure}, as EventBridge entries sometimes do. */
    void failNextEntries(int count) {
        entriesToFail.set(count);
    }

    /** From now on each well-formed entry fails with probability {@code ratio} (0 stops it), drawn per entry. */
    void failEntriesRandomly(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be in [0, 1]");
        }
        failRatio = ratio;
    }

    private ResultEntry accept(PutEventsEntry entry) {
        var problem = entry.problem();
        if (problem.isPresent()) {
            return problem.get();
        }
        if (entriesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || java.util.concurrent.ThreadLocalRandom.current().nextDouble() < failRatio) {
            return ResultEntry.failed("InternalFailure", "The EventBridge stand-in failed this entry (fault test).");
        }
        String eventId = UUID.randomUUID().toString();
        String envelope = EventBridgeWire.JSON.writeValueAsString(entry.envelope(eventId));
        rules.stream().filter(rule -> rule.matches(entry)).forEach(rule -> deliver(rule, entry, eventId, envelope));
        return ResultEntry.accepted(eventId);
    }

    private void deliver(Rule rule, PutEventsEntry entry, String eventId, String envelope) {
        SendMessageRequest.Builder message = SendMessageRequest.builder()
                .queueUrl(rule.targetQueueUrl())
                .messageBody(envelope);
        if (rule.targetQueueUrl().endsWith(".fifo")) {
            message.messageGroupId(entry.source()).messageDeduplicationId(eventId);
        }
        try {
            sqs.sendMessage(message.build());
        } catch (SdkException e) {
            log.warn("EventBridge stand-in could not deliver event {} to {}", eventId, rule.targetQueueUrl(), e);
        }
    }
}
