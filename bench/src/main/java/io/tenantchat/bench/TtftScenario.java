package io.tenantchat.bench;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import io.tenantchat.localstack.launcher.LocalSystem;
import io.tenantchat.localstack.provision.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * 1. Time to first token: {@code POST /api/chat} → first WebSocket delta, against a direct ConverseStream call to
 * the same stand-in (set to {@code millis} to the first token), each from {@code concurrency} callers in turn.
 */
final class TtftScenario {

    static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";

    private final LocalSystem system;
    private final Api api;
    private final TestUser user;

    TtftScenario(LocalSystem system, Api api, TestUser user) {
        this.system = system;
        this.api = api;
        this.user = user;
    }

    record Result(Latency direct, Latency pipeline) {
    }

    Result run(int requests, int concurrency, int millis) throws Exception {
        system.bedrock().settings(Settings.defaults().withTimeToFirstToken(Duration.ofMillis(millis)));
        Latency direct = new Latency();
        Latency pipeline = new Latency();
        try (BedrockRuntimeAsyncClient bedrock = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(system.bedrockEndpoint()).region(AwsClients.REGION)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build()) {
            Latency warmUp = new Latency();
            inParallel(concurrency, 1, slot -> () -> directCall(bedrock, warmUp, slot));
            inParallel(concurrency, requests / concurrency, slot -> () -> directCall(bedrock, direct, slot));
        }
        List<String> sessions = new ArrayList<>();
        try (ReplyWatcher watcher = ReplyWatcher.connect(system.apiBaseUrl(), user)) {
            for (int i = 0; i < concurrency; i++) {
                sessions.add(api.createSession(user));
                watcher.subscribe(sessions.get(i));
            }
            Latency warmUp = new Latency();
            inParallel(concurrency, 1, slot -> () -> pipelineCall(watcher, warmUp, sessions.get(slot)));
            inParallel(concurrency, requests / concurrency, slot -> () -> pipelineCall(watcher, pipeline,
                    sessions.get(slot)));
        }
        system.bedrock().settings(Settings.defaults());
        return new Result(direct, pipeline);
    }

    private void directCall(BedrockRuntimeAsyncClient bedrock, Latency direct, int slot) {
        CompletableFuture<Long> firstDelta = new CompletableFuture<>();
        long started = System.nanoTime();
        CompletableFuture<Void> call = bedrock.converseStream(r -> r.modelId(MODEL_ID)
                        .messages(Message.builder().role(ConversationRole.USER)
                                .content(ContentBlock.fromText("How fast is the first token? " + slot)).build())
                        .inferenceConfig(c -> c.maxTokens(1024)),
                ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(delta -> firstDelta.complete(System.nanoTime())).build()).build());
        direct.recordNanos(firstDelta.orTimeout(60, TimeUnit.SECONDS).join() - started);
        call.join();
    }

    private void pipelineCall(ReplyWatcher watcher, Latency pipeline, String session) {
        long started = System.nanoTime();
        String id = api.chat(user, session, "How fast is the first token?");
        watcher.awaitFinished(id, Duration.ofMinutes(2));
        Long first = watcher.firstDeltaNanos(id);
        if (first == null) {
            throw new IllegalStateException("no delta reached the socket for " + id + " (is Redis running?)");
        }
        pipeline.recordNanos(first - started);
    }

    /** {@code slots} threads, each running its task {@code rounds} times in a row. */
    static void inParallel(int slots, int rounds, java.util.function.IntFunction<Runnable> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int slot = 0; slot < slots; slot++) {
                Runnable one = task.apply(slot);
                running.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        one.run();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
