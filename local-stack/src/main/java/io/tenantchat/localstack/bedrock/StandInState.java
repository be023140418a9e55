package io.tenantchat.localstack.bedrock;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in's mutable state, shared by all connections: current settings, fault budget, invocation count, and
 * the same counts per tenant (the {@code tenant:} line of the system prompt), so a test observes one tenant's calls
 * and streams whatever other tenants do at the same time.
 */
final class StandInState {

    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final AtomicInteger peakOpenStreams = new AtomicInteger();
    private final Map<String, Counts> tenants = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<ReceivedConverse>> received = new ConcurrentHashMap<>();
    private final PromptCache promptCache = new PromptCache();
    private final Map<String, BedrockStandIn.FirstToken> firstTokens = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1_024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BedrockStandIn.FirstToken> eldest) {
                    return size() > MAX_REFS;
                }
            });
    private Settings settings;
    private int faultsLeft;

    /** The most request refs whose time to first token is kept (the oldest are forgotten first). */
    static final int MAX_REFS = 100_000;

    StandInState(Settings settings) {
        replace(settings);
    }

    synchronized Settings settings() {
        return settings;
    }

    synchronized void replace(Settings settings) {
        this.settings = settings;
        this.faultsLeft = settings.fault().times();
    }

    void recordInvocation() {
        invocations.incrementAndGet();
    }

    int invocations() {
        return invocations.get();
    }

    /** A parsed request of {@code tenant} ("" when its system prompt names none). */
    void recordInvocation(String tenant, List<String> turns) {
        Counts of = counts(tenant);
        of.invocations.incrementAndGet();
        synchronized (of.conversations) {
            if (of.conversations.size() == KEPT_CONVERSATIONS) {
                of.conversations.removeFirst();
            }
            of.conversations.addLast(turns);
        }
    }

    /** The latest {@value #KEPT_CONVERSATIONS} requests' messages of {@code tenant}, oldest first. */
    List<List<String>> conversations(String tenant) {
        Counts of = counts(tenant);
        synchronized (of.conversations) {
            return List.copyOf(of.conversations);
        }
    }

    private volatile String guardrailBlockedWord = BedrockStandIn.DEFAULT_GUARDRAIL_WORD;

    String guardrailBlockedWord() {
        return guardrailBlockedWord;
    }

    void guardrailBlockedWord(String word) {
        this.guardrailBlockedWord = word;
    }

    PromptCache promptCache() {
        return promptCache;
    }

    /** Keeps what a request of {@code tenant} carried: its last {@link #MAX_RECEIVED} requests. */
    void recordReceived(String tenant, ReceivedConverse request) {
        java.util.Deque<ReceivedConverse> kept = received.computeIfAbsent(tenant,
                t -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        kept.addLast(request);
        while (kept.size() > MAX_RECEIVED) {
            kept.pollFirst();
        }
    }

    java.util.List<ReceivedConverse> received(String tenant) {
        java.util.Deque<ReceivedConverse> kept = received.get(tenant);
        return kept == null ? java.util.List.of() : java.util.List.copyOf(kept);
    }

    /** The most requests per tenant whose content is kept for {@link #received(String)}. */
    static final int MAX_RECEIVED = 100;

    int invocations(String tenant) {
        return counts(tenant).invocations.get();
    }

    void streamOpened(String tenant) {
        int open = openStreams.incrementAndGet();
        peakOpenStreams.accumulateAndGet(open, Math::max);
        Counts of = counts(tenant);
        of.peakOpenStreams.accumulateAndGet(of.openStreams.incrementAndGet(), Math::max);
    }

    void streamClosed(String tenant) {
        openStreams.decrementAndGet();
        counts(tenant).openStreams.decrementAndGet();
    }

    void streamClosedByClient(String tenant) {
        counts(tenant).closedByClient.incrementAndGet();
    }

    int streamsClosedByClient(String tenant) {
        return counts(tenant).closedByClient.get();
    }

    int openStreams(String tenant) {
        return counts(tenant).openStreams.get();
    }

    /** As {@link #takePeakOpenStreams()}, for the streams of {@code tenant} only. */
    int takePeakOpenStreams(String tenant) {
        Counts of = counts(tenant);
        return of.peakOpenStreams.getAndSet(of.openStreams.get());
    }

    /** Requests whose messages are kept per tenant (the latest), so a long benchmark does not grow the heap. */
    static final int KEPT_CONVERSATIONS = 200;

    private Counts counts(String tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Counts());
    }

    private static final class Counts {
        final AtomicInteger invocations = new AtomicInteger();
        final AtomicInteger openStreams = new AtomicInteger();
        final AtomicInteger peakOpenStreams = new AtomicInteger();
        final AtomicInteger closedByClient = new AtomicInteger();
        final ArrayDeque<List<String>> conversations = new ArrayDeque<>();
    }

    int openStreams() {
        return openStreams.get();
    }

    /** The most streams open at once since the last call, which starts the next period at the current count. */
    int takePeakOpenStreams() {
        return peakOpenStreams.getAndSet(openStreams.get());
    }

    /** Notes when the stand-in received request {@code ref} and sent its first delta ({@link System#nanoTime()}). */
    void recordFirstToken(String ref, long receivedNanos, long sentNanos) {
        firstTokens.put(ref, new BedrockStandIn.FirstToken(receivedNanos, sentNanos));
    }

    /** When the stand-in received request {@code ref} and sent its first delta, or null when it sent none. */
    BedrockStandIn.FirstToken firstToken(String ref) {
        return firstTokens.get(ref);
    }

    /** The fault this request suffers, spending one of its budget, or {@link Fault#none()}. */
    synchronized Fault drawFault(boolean streaming) {
        Fault fault = settings.fault();
        boolean applies = fault.kind() != Fault.Kind.THROTTLING_IN_STREAM || streaming;
        if (fault.kind() == Fault.Kind.NONE || faultsLeft == 0 || !applies || spared(fault)) {
            return Fault.none();
        }
        faultsLeft--;
        return fault;
    }

    private static boolean spared(Fault fault) {
        return fault.ratio() < 1 && ThreadLocalRandom.current().nextDouble() >= fault.ratio();
    }
}
