package io.tenantchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline's promises end to end, with the services as separate processes: order within a conversation,
 * idempotent sends, retries through throttling, failures that end readable and dead-lettered, a worker crash in
 * the middle of a reply, long polling. The worker runs with a short visibility lease so a crash is taken over
 * within seconds, and with a large retry budget so random throttling never exhausts it: a system of its own kind
 * ({@link SharedSystem.Kind#CRASH_TOLERANT}, shared with the fault suite), because this class kills the worker.
 */
@Order(4)
@ResourceLock(SharedSystem.CRASH_TOLERANT_LOCK)
class PipelineReliabilityEndToEndIntegrationTests {

    @RegisterExtension
    static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.CRASH_TOLERANT);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static LocalSystem system;
    static ApiClient api;
    static Conversations chats;
    static TestUser alice;

    @BeforeAll
    static void signIn() {
        system = SYSTEM.get();
        api = new ApiClient(system.apiBaseUrl());
        chats = new Conversations(api);
        alice = system.user("tenant-pipeline", "alice@tenant-pipeline.example");
    }

    @AfterEach
    void healthyModel() {
        system.bedrock().settings(Settings.defaults());
    }

    @Test
    void repliesCompleteInSendOrderWithinEachSessionWhileSessionsRunConcurrently() throws Exception {
        List<String> sessions = IntStream.range(0, 5).mapToObj(i -> chats.startSession(alice)).toList();
        Map<String, List<String>> sent = new ConcurrentHashMap<>();
        long started = System.nanoTime();

        ExecutorService senders = Executors.newFixedThreadPool(5);
        List<Future<?>> sending = new ArrayList<>();
        for (String session : sessions) {
            sending.add(senders.submit(() -> sent.put(session, IntStream.range(0, 10)
                    .mapToObj(i -> chats.send(alice, session, "message " + i + " of " + session)).toList())));
        }
        for (Future<?> future : sending) {
            future.get();
        }
        senders.shutdown();
        sent.values().stream().flatMap(List::stream).forEach(id -> chats.awaitFinished(alice, id, PATIENCE));
        System.out.printf("ordering: 50 messages over 5 sessions answered in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        for (String session : sessions) {
            assertRepliesFollowSendOrder(chats.messages(alice, session), sent.get(session));
        }
    }

    /**
     * Each reply is stored after the one before it (created_at) and was generated with every earlier exchange in
     * its history (the stand-in's input token count grows with the history).
     */
    private static void assertRepliesFollowSendOrder(JsonNode messages, List<String> sentIds) {
        List<JsonNode> replies = new ArrayList<>();
        messages.forEach(m -> {
            if ("assistant".equals(m.path("role").asString())) {
                replies.add(m);
            }
        });
        assertThat(replies).extracting(r -> r.path("message_id").asString()).containsExactlyElementsOf(sentIds);
        for (int i = 1; i < replies.size(); i++) {
            JsonNode before = replies.get(i - 1);
            JsonNode after = replies.get(i);
            // compared as instants: ISO strings drop a zero fraction ("...:25Z" vs "...:25.382Z")
            assertThat(Instant.parse(after.path("created_at").asString()))
                    .isAfterOrEqualTo(Instant.parse(before.path("created_at").asString()));
            assertThat(after.path("usage").path("input_tokens").asLong())
                    .isGreaterThan(before.path("usage").path("input_tokens").asLong());
        }
    }

    @Test
    void repeatedSendWithTheSameIdempotencyKeyGetsTheOriginalMessageAndOneReply() {
        String session = chats.startSession(alice);
        String body = Conversations.body(alice, session, "Exactly once, please.");

        ApiClient.Response first = api.post("/api/chat", alice.idToken(), body, "e2e-key-" + session);
        ApiClient.Response again = api.post("/api/chat", alice.idToken(), body, "e2e-key-" + session);

        String messageId = first.json().path("message_id").asString();
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("message_id").asString()).isEqualTo(messageId);
        chats.awaitFinished(alice, messageId, PATIENCE);
        assertThat(chats.messages(alice, session)).hasSize(2);
    }

    @Test
    void everyMessageCompletesWhileTheModelThrottlesThirtyPercentOfCalls() {
        system.bedrock().settings(Settings.defaults().withFault(Fault.throttleRandomly(0.3)));
        int callsBefore = system.bedrock().invocations(alice.tenantId());
        List<String> sessions = List.of(chats.startSession(alice), chats.startSession(alice));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (String session : sessions) {
                ids.add(chats.send(alice, session, "throttled " + i));
            }
        }

        for (String id : ids) {
            assertThat(chats.awaitFinished(alice, id, PATIENCE).path("status").asString()).isEqualTo("completed");
        }
        System.out.printf("throttling: %d messages needed %d model calls%n", ids.size(),
                system.bedrock().invocations(alice.tenantId()) - callsBefore);
        for (String session : sessions) {
            assertThat(chats.messages(alice, session)).hasSize(12);
        }
    }

    @Test
    void permanentModelErrorFailsTheMessageWithAReadableReasonAndDeadLettersTheJob() {
        String session = chats.startSession(alice);
        system.bedrock().settings(Settings.defaults().withFault(Fault.validation(1)));

        String messageId = chats.send(alice, session, "The model will refuse this.");

        JsonNode failed = chats.awaitFinished(alice, messageId, PATIENCE);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asString()).isEqualTo("invalid_request");
        assertThat(failed.path("error").path("message").asString()).startsWith("The model rejected the request: ");
        Message dead = deadLetter(messageId);
        assertThat(dead.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo(alice.tenantId() + "#" + session);
    }

    @Test
    void workerKilledInTheMiddleOfAReplyIsTakenOverAndTheMessageGetsExactlyOneReply() {
        system.bedrock().settings(Settings.defaults().withTokensPerSecond(8));
        String session = chats.startSession(alice);
        String messageId = chats.send(alice, session, "Tell me something long.");
        await().atMost(PATIENCE).until(() -> "processing".equals(
                api.get("/api/chat/" + messageId, alice.idToken()).json().path("status").asString()));

        system.killWorker();
        system.bedrock().settings(Settings.defaults());
        system.restartWorker();

        JsonNode done = chats.awaitFinished(alice, messageId, PATIENCE);
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("reply").path("content").asString()).contains("You said: Tell me something long.");
        JsonNode messages = chats.messages(alice, session);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("role").asString()).isEqualTo("assistant");
    }

    @Test
    void longPollAnswersAsSoonAsTheReplyIsStored() {
        String session = chats.startSession(alice);
        String messageId = chats.send(alice, session, "Wait for me.");
        long started = System.nanoTime();

        JsonNode answer = api.get("/api/chat/" + messageId + "?wait=25", alice.idToken()).json();
        if (!answer.path("status").asString().matches("completed|failed")) {
            answer = api.get("/api/chat/" + messageId + "?wait=25", alice.idToken()).json();
        }

        assertThat(answer.path("status").asString()).isEqualTo("completed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        assertThat(api.get("/api/chat/" + messageId + "?wait=26", alice.idToken()).status()).isEqualTo(400);
    }

    @Test
    void messageOverTheSizeLimitIsRefusedWith413() {
        String session = chats.startSession(alice);

        ApiClient.Response refused = api.post("/api/chat", alice.idToken(),
                Conversations.body(alice, session, "x".repeat(32_001)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private static Message deadLetter(String messageId) {
        try (SqsClient sqs = AwsClients.sqs(system.sqsEndpoint())) {
            return await().atMost(PATIENCE).until(() -> sqs.receiveMessage(r -> r.queueUrl(system.queues().chatRequestsDlq())
                            .maxNumberOfMessages(10).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().stream()
                    .filter(m -> m.body().contains(messageId)).findFirst().orElse(null), m -> m != null);
        }
    }
}
