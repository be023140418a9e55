package io.tenantchat.localstack.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.SharedStandIns;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InternalException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The EventBridge stand-in, driven by the real SDK client, delivering into an embedded ElasticMQ. */
class EventBridgeStandInIntegrationTests {

    private static final String BUS = "tenantchat-usage";
    private static final String SOURCE = "tenantchat.worker";
    private static final String DETAIL_TYPE = "ModelInvoked";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    private EventBridgeStandIn standIn;
    private EventBridgeClient eventBridge;
    private String usageQueue;

    @BeforeAll
    static void startElasticMq() {
        elasticMq = SharedStandIns.elasticMq();
        sqs = AwsClients.sqs(elasticMq.endpoint());
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
    }

    @BeforeEach
    void start() {
        usageQueue = createQueue();
        standIn = EventBridgeStandIn.start(elasticMq.endpoint());
        standIn.addRule(BUS, SOURCE, DETAIL_TYPE, usageQueue);
        eventBridge = EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        eventBridge.close();
        standIn.close();
    }

    @Test
    void deliversGoodEntriesInTheEnvelopeAndFailsTheMalformedOne() {
        Instant time = Instant.parse("2026-11-29T12:00:05.678Z");
        PutEventsResponse response = eventBridge.putEvents(r -> r.entries(
                usageEntry("{\"tenantId\":\"acme\",\"outputTokens\":12}").time(time).build(),
                usageEntry("{not json").build(),
                usageEntry("{\"tenantId\":\"globex\",\"outputTokens\":7}").time(time).build()));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
        List<String> eventIds = List.of(response.entries().get(0).eventId(), response.entries().get(2).eventId());
        List<JsonNode> envelopes = receive(usageQueue, 2);
        assertThat(envelopes).extracting(e -> e.path("id").asString()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(envelopes).extracting(e -> e.path("detail").path("tenantId").asString())
                .containsExactlyInAnyOrder("acme", "globex");
        assertThat(envelopes).allSatisfy(envelope -> assertEnvelope(envelope, "2026-11-29T12:00:05Z"));
    }

    @Test
    void failsEntriesWithoutSourceOrDetailTypeAndAcceptsTheOthers() {
        PutEventsResponse response = eventBridge.putEvents(r -> r.entries(
                usageEntry("{}").source(null).build(),
                usageEntry("{}").detailType(null).build(),
                usageEntry("{}").build()));

        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorCode)
                .containsExactly("InvalidArgument", "InvalidArgument", null);
        assertThat(response.entries().get(2).eventId()).isNotBlank();
        assertThat(receive(usageQueue, 1)).hasSize(1);
    }

    @Test
    void routesByBusSourceAndDetailTypeWithDefaultBusWhenNoneIsNamed() {
        String defaultBusQueue = createQueue();
        standIn.addRule("default", SOURCE, "SessionOpened", defaultBusQueue);

        eventBridge.putEvents(r -> r.entries(
                usageEntry("{\"n\":1}").eventBusName(null).detailType("SessionOpened").build(),
                usageEntry("{\"n\":2}").build(),
                usageEntry("{\"n\":3}").source("someone.else").build(),
                usageEntry("{\"n\":4}").eventBusName(null).build()));

        assertThat(receive(defaultBusQueue, 1)).extracting(e -> e.path("detail").path("n").asInt()).containsExactly(1);
        assertThat(receive(usageQueue, 1)).extracting(e -> e.path("detail").path("n").asInt()).containsExactly(2);
        assertThat(receiveNow(defaultBusQueue)).isEmpty();
        assertThat(receiveNow(usageQueue)).isEmpty();
    }

    @Test
    void rejectsMoreThanTenEntries() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> usageEntry("{}").build()).toList();

        assertThatThrownBy(() -> eventBridge.putEvents(r -> r.entries(eleven)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                });
        assertThat(receiveNow(usageQueue)).isEmpty();
    }

    @Test
    void failsEveryCallWhileRefusing() {
        standIn.refuseAllCalls(true);

        assertThatThrownBy(() -> eventBridge.putEvents(r -> r.entries(usageEntry("{}").build())))
                .isInstanceOfSatisfying(InternalException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        standIn.refuseAllCalls(false);
        assertThat(eventBridge.putEvents(r -> r.entries(usageEntry("{}").build())).failedEntryCount()).isZero();
    }

    @Test
    void failsAboutTheGivenShareOfEntriesAtRandomUntilStopped() {
        standIn.failEntriesRandomly(0.2);
        List<PutEventsRequestEntry> ten = IntStream.range(0, 10).mapToObj(i -> usageEntry("{}").build()).toList();

        int failed = IntStream.range(0, 30).map(i -> eventBridge.putEvents(r -> r.entries(ten)).failedEntryCount()).sum();
        standIn.failEntriesRandomly(0);

        assertThat(failed).as("failed of 300 entries").isBetween(30, 90); // mean 60, > 4 standard deviations
        assertThat(eventBridge.putEvents(r -> r.entries(ten)).failedEntryCount()).isZero();
    }

    @Test
    void rejectsOperationsOtherThanPutEvents() {
        assertThatThrownBy(() -> eventBridge.listRules(r -> r.eventBusName(BUS)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
    }

    private static PutEventsRequestEntry.Builder usageEntry(String detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName(BUS)
                .source(SOURCE)
                .detailType(DETAIL_TYPE)
                .resources("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude")
                .detail(detail);
    }

    private static void assertEnvelope(JsonNode envelope, String time) {
        assertThat(envelope.path("version").asString()).isEqualTo("0");
        assertThat(envelope.path("detail-type").asString()).isEqualTo(DETAIL_TYPE);
        assertThat(envelope.path("source").asString()).isEqualTo(SOURCE);
        assertThat(envelope.path("account").asString()).isEqualTo("000000000000");
        assertThat(envelope.path("region").asString()).isEqualTo("us-east-1");
        assertThat(envelope.path("time").asString()).isEqualTo(time);
        assertThat(envelope.path("resources").get(0).asString()).startsWith("arn:aws:bedrock:");
        assertThat(envelope.path("detail").isObject()).as("detail is an object, not a string").isTrue();
    }

    private static String createQueue() {
        return sqs.createQueue(r -> r.queueName("usage-" + UUID.randomUUID())).queueUrl();
    }

    /** Waits until {@code count} messages arrived, and returns their bodies as JSON. */
    private static List<JsonNode> receive(String queueUrl, int count) {
        List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            received.addAll(receiveNow(queueUrl));
            return received.size() >= count;
        });
        return received;
    }

    private static List<JsonNode> receiveNow(String queueUrl) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages().stream().map(Message::body).map(JSON::readTree).toList();
    }
}
