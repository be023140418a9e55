package io.tenantchat.localstack.bedrock;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A dev/test-only stand-in for Amazon Bedrock Runtime: answers {@code POST /model/{modelId}/converse} and
 * {@code /converse-stream} on 127.0.0.1 as Bedrock does on the wire (h2c with prior knowledge and HTTP/1.1), with
 * deterministic replies labelled {@code [bedrock stand-in]}, configurable pacing and injectable faults.
 * Never a production path.
 */
public final class BedrockStandIn implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final EventLoopGroup group;
    private final Channel server;
    private final StandInState state;

    private BedrockStandIn(EventLoopGroup group, Channel server, StandInState state) {
        this.group = group;
        this.server = server;
        this.state = state;
    }

    /** Binds 127.0.0.1 on {@code settings.port()}, or on a free port when it is 0; fails loudly if it cannot. */
    public static BedrockStandIn start(Settings settings) {
        StandInState state = new StandInState(settings);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                2, new DefaultThreadFactory("bedrock-stand-in", true), NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new BedrockChannelInitializer(state))
                    .bind(new InetSocketAddress(HOST, settings.port())).sync().channel();
            return new BedrockStandIn(group, server, state);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Bedrock stand-in could not listen on " + HOST + ":" + settings.port(), e);
        }
    }

    /** The base URI to give the SDK as endpoint override, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    /**
     * Replaces pacing and fault settings for the requests that follow (streams already running keep theirs); the
     * fault's budget starts afresh. The port is only read by {@link #start(Settings)}.
     */
    public void settings(Settings settings) {
        state.replace(settings);
    }

    /** How many converse and converse-stream requests arrived, faulted ones included. */
    public int invocations() {
        return state.invocations();
    }

    /**
     * Well-formed converse and converse-stream requests whose system prompt names {@code tenantId} on a
     * {@code tenant: <id>} line (as the worker's does), faulted ones included.
     */
    public int invocations(String tenantId) {
        return state.invocations(tenantId);
    }

    /**
     * The messages of each well-formed request of {@code tenantId} (see {@link #invocations(String)}), in arrival
     * order: each message as {@code <role>: <text>} (what the model was given: history and the new message).
     */
    public java.util.List<java.util.List<String>> conversations(String tenantId) {
        return state.conversations(tenantId);
    }

    /**
     * What the last requests (at most 100) whose system prompt names {@code tenantId} carried, oldest first: the
     * system text, model, output bound, temperature and guardrail the model was given.
     */
    public java.util.List<ReceivedConverse> received(String tenantId) {
        return state.received(tenantId);
    }

    /** The word the stand-in's guardrail blocks unless told another: {@value}. */
    public static final String DEFAULT_GUARDRAIL_WORD = "forbidden-topic";

    /**
     * The stand-in's guardrail: a request with a {@code guardrailConfig} whose last user text or reply contains
     * {@code word} (any case) is answered with the guardrail's message and stop reason {@code guardrail_intervened}.
     */
    public void guardrailBlocks(String word) {
        state.guardrailBlockedWord(word);
    }

    /** ConverseStream replies to {@code tenantId} (see {@link #invocations(String)}) being streamed now. */
    public int openStreams(String tenantId) {
        return state.openStreams(tenantId);
    }

    /**
     * ConverseStream replies to {@code tenantId} whose client closed the stream before the reply ended (a stopped
     * reply, a timeout, a worker gone), since the start.
     */
    public int streamsClosedByClient(String tenantId) {
        return state.streamsClosedByClient(tenantId);
    }

    /** The most ConverseStream replies to {@code tenantId} open at once since the previous call for it (or the start). */
    public int takePeakOpenStreams(String tenantId) {
        return state.takePeakOpenStreams(tenantId);
    }

    /** ConverseStream replies being streamed now (begun, not yet ended, failed or abandoned by their client). */
    public int openStreams() {
        return state.openStreams();
    }

    /** The most ConverseStream replies open at once since the previous call (or the start). */
    public int takePeakOpenStreams() {
        return state.takePeakOpenStreams();
    }

    /**
     * The stand-in's own time from receiving the ConverseStream request whose last user text carries
     * {@code [ref:<ref>]} to sending its first delta, or empty when no such stream sent a delta (the last
     * {@value StandInState#MAX_REFS} refs are kept). A benchmark subtracts it to pair each request's overhead.
     */
    public java.util.Optional<Duration> timeToFirstTokenOf(String ref) {
        return firstTokenOf(ref).map(FirstToken::timeToFirstToken);
    }

    /**
     * When the stand-in received the request carrying {@code [ref:<ref>]} and when it sent that stream's first delta,
     * or empty as for {@link #timeToFirstTokenOf}: a benchmark in this JVM splits a request's time around the model
     * with them.
     */
    public java.util.Optional<FirstToken> firstTokenOf(String ref) {
        return java.util.Optional.ofNullable(state.firstToken(ref));
    }

    /** One stream's receive and first-delta instants, as {@link System#nanoTime()} of this JVM. */
    public record FirstToken(long receivedNanos, long sentNanos) {

        /** The stand-in's own time from receiving the request to sending its first delta. */
        public Duration timeToFirstToken() {
            return Duration.ofNanos(sentNanos - receivedNanos);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * How the stand-in listens and answers.
     *
     * @param port 0 for a free port
     * @param timeToFirstToken delay before the first streamed delta
     * @param tokensPerSecond pace of the following deltas
     * @param fault the fault to inject, {@link Fault#none()} for none
     */
    public record Settings(int port, Duration timeToFirstToken, int tokensPerSecond, Fault fault) {

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            if (timeToFirstToken == null || timeToFirstToken.isNegative()) {
                throw new IllegalArgumentException("timeToFirstToken must be zero or positive");
            }
            if (tokensPerSecond <= 0) {
                throw new IllegalArgumentException("tokensPerSecond must be positive");
            }
            Objects.requireNonNull(fault, "fault");
        }

        /** A free port, 50 ms to the first token, 200 tokens/s, no fault. */
        public static Settings defaults() {
            return new Settings(0, Duration.ofMillis(50), 200, Fault.none());
        }

        public Settings withPort(int port) {
            return new Settings(port, timeToFirstToken, tokensPerSecond, fault);
        }

        public Settings withTimeToFirstToken(Duration timeToFirstToken) {
            return new Settings(port, timeToFirstToken, tokensPerSecond, fault);
        }

        public Settings withTokensPerSecond(int tokensPerSecond) {
            return new Settings(port, timeToFirstToken, tokensPerSecond, fault);
        }

        public Settings withFault(Fault fault) {
            return new Settings(port, timeToFirstToken, tokensPerSecond, fault);
        }
    }

    /**
     * A fault injected into the next {@code times} requests it applies to. Pre-stream faults answer converse and
     * converse-stream with an HTTP error; {@link Kind#THROTTLING_IN_STREAM} applies to converse-stream only.
     *
     * @param kind what goes wrong
     * @param times how many requests it hits
     * @param afterDeltas for in-stream faults, how many deltas are sent before the exception frame
     * @param ratio the share of requests it hits, drawn at random per request (1 for every request); requests it
     *     spares do not spend {@code times}
     */
    public record Fault(Kind kind, int times, int afterDeltas, double ratio) {

        /** The faults Bedrock is known to produce. */
        public enum Kind { NONE, THROTTLING, THROTTLING_IN_STREAM, SERVICE_UNAVAILABLE, MODEL_TIMEOUT, VALIDATION }

        public Fault {
            Objects.requireNonNull(kind, "kind");
            if (times < 0 || afterDeltas < 0) {
                throw new IllegalArgumentException("times and afterDeltas must not be negative");
            }
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("ratio must be in (0, 1]");
            }
        }

        /** A fault that hits each of the next {@code times} requests it applies to. */
        public Fault(Kind kind, int times, int afterDeltas) {
            this(kind, times, afterDeltas, 1);
        }

        public static Fault none() {
            return new Fault(Kind.NONE, 0, 0);
        }

        /** HTTP 429 {@code ThrottlingException} for the next {@code times} requests. */
        public static Fault throttleBeforeStream(int times) {
            return new Fault(Kind.THROTTLING, times, 0);
        }

        /** A {@code throttlingException} frame after {@code deltas} deltas, for the next {@code times} streams. */
        public static Fault inStreamThrottlingAfterDeltas(int deltas, int times) {
            return new Fault(Kind.THROTTLING_IN_STREAM, times, deltas);
        }

        /**
         * HTTP 429 {@code ThrottlingException} for a random {@code ratio} of all requests from now on (for example
         * 0.3: about 30 %), each request drawn independently.
         */
        public static Fault throttleRandomly(double ratio) {
            return new Fault(Kind.THROTTLING, Integer.MAX_VALUE, 0, ratio);
        }

        /** HTTP 503 {@code ServiceUnavailableException} for the next {@code times} requests. */
        public static Fault serviceUnavailable(int times) {
            return new Fault(Kind.SERVICE_UNAVAILABLE, times, 0);
        }

        /** HTTP 408 {@code ModelTimeoutException} for the next {@code times} requests. */
        public static Fault modelTimeout(int times) {
            return new Fault(Kind.MODEL_TIMEOUT, times, 0);
        }

        /** HTTP 400 {@code ValidationException} for the next {@code times} requests. */
        public static Fault validation(int times) {
            return new Fault(Kind.VALIDATION, times, 0);
        }
    }
}
