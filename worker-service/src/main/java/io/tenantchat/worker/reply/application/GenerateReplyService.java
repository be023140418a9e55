package io.tenantchat.worker.reply.application;

import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.GivenConversation;
import io.tenantchat.shared.JobHold;
import io.tenantchat.observability.LogContext;
import io.tenantchat.shared.stream.ReplyCancelled;
import io.tenantchat.shared.stream.ReplyCompleted;
import io.tenantchat.shared.stream.ReplyError;
import io.tenantchat.shared.stream.ReplyFailed;
import io.tenantchat.shared.stream.ReplySettled;
import io.tenantchat.shared.stream.ReplyUsage;
import io.tenantchat.shared.usage.InvocationStatus;
import io.tenantchat.worker.reply.domain.ChatModelException;
import io.tenantchat.worker.reply.domain.Conversation;
import io.tenantchat.worker.reply.domain.ConversationScope;
import io.tenantchat.worker.reply.domain.ErrorCode;
import io.tenantchat.worker.reply.domain.HistoryBudget;
import io.tenantchat.worker.reply.domain.MessageRef;
import io.tenantchat.worker.reply.domain.MessageStatus;
import io.tenantchat.worker.reply.domain.ModelReply;
import io.tenantchat.worker.reply.domain.ModelSettings;
import io.tenantchat.worker.reply.domain.ReplyFailure;
import io.tenantchat.worker.reply.domain.StoredMessage;
import io.tenantchat.worker.reply.domain.TenantProfile;
import io.tenantchat.worker.reply.domain.UserMessage;
import io.tenantchat.worker.usage.application.UsageMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a user message once: claims it (counting the attempt on the message, so the count survives
 * redeliveries and takeovers) while the conversation before it is read, asks the model with the conversation so far
 * while streaming the text to
 * {@link ReplyEvents}, stores the outcome. Retryable model failures are retried here with backoff, up to the
 * retry policy per delivery and {@link ReplySettings#maxAttempts()} in total.
 *
 * <p>A message its author stopped ({@link RunningReplies}) never reaches the model when the stop came first (the
 * claim refuses it); while generating, the model call is cancelled, what was streamed so far is metered (estimated
 * with {@link TokenEstimate}: a closed stream reports no usage) and stored as the {@code cancelled} reply; a stop
 * that arrives only through the stored request (no stream bus) is found by the completion, which then stores the
 * whole reply as cancelled.
 *
 * <p>Every reply applies its tenant's profile ({@link TenantProfiles}, ADR 007): system prompt, model, output
 * bound, temperature, guardrail and history budget, as {@link ModelSettings} for the model call.
 *
 * <p>A job with a {@link GivenConversation} ({@code POST /v1/chat/completions}) is answered from exactly those
 * messages, after the tenant's prompt, with the client's model and temperature and its output cap (never above
 * the profile's, else {@link ReplySettings#maxTokens()}): no history is read and nothing is trimmed; claims,
 * retries, metering and storage are those of any message.
 */
public class GenerateReplyService implements GenerateReplyUseCase {

    private static final Logger log = LoggerFactory.getLogger(GenerateReplyService.class);
    private static final Executor HISTORY_READS = read -> Thread.ofVirtual().name("chat-history").start(read);

    private final ConversationStore store;
    private final ChatModel chatModel;
    private final ReplyEvents events;
    private final UsageMeter usage;
    private final ReplySettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ReplyMetrics metrics;
    private final ReplyCoalescing coalescing;
    private final TenantSlots tenantSlots;
    private final RunningReplies running;
    private final TenantProfiles profiles;

    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events, UsageMeter usage,
            ReplySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this(store, chatModel, events, usage, settings, clock, sleeper, random, ReplyMetrics.NONE);
    }

    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events, UsageMeter usage,
            ReplySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random, ReplyMetrics metrics) {
        this(store, chatModel, events, usage, settings, clock, sleeper, random, metrics, ReplyCoalescing.NONE,
                TenantSlots.UNBOUNDED);
    }

    /**
     * @param coalescing how streamed text becomes reply events
     * @param tenantSlots a tenant's concurrent generations in this worker (ADR 004 addendum): taken before the claim
     */
    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events, UsageMeter usage,
            ReplySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random, ReplyMetrics metrics,
            ReplyCoalescing coalescing, TenantSlots tenantSlots) {
        this(store, chatModel, events, usage, settings, clock, sleeper, random, metrics, coalescing, tenantSlots,
                new RunningReplies());
    }

    /** @param running the replies generating here, which a stop request reaches */
    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events, UsageMeter usage,
            ReplySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random, ReplyMetrics metrics,
            ReplyCoalescing coalescing, TenantSlots tenantSlots, RunningReplies running) {
        this(store, chatModel, events, usage, settings, clock, sleeper, random, metrics, coalescing, tenantSlots,
                running, TenantProfiles.NONE);
    }

    /** @param profiles each tenant's profile (ADR 007), applied to every call of every reply */
    public GenerateReplyService(ConversationStore store, ChatModel chatModel, ReplyEvents events, UsageMeter usage,
            ReplySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random, ReplyMetrics metrics,
            ReplyCoalescing coalescing, TenantSlots tenantSlots, RunningReplies running, TenantProfiles profiles) {
        this.profiles = profiles;
        this.running = running;
        this.metrics = metrics;
        this.coalescing = coalescing;
        this.tenantSlots = tenantSlots;
        this.store = store;
        this.chatModel = chatModel;
        this.events = events;
        this.usage = usage;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public ReplyOutcome generateReply(ChatRequested job) {
        Instant received = clock.instant();
        MessageRef ref = new MessageRef(job.tenantId(), job.sessionId(), job.messageId());
        try (TenantSlots.Slot slot = tenantSlots.acquire(job.tenantId())) {
            return answerWithRetries(ref, received, job.hold(), job.given());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChatModelException.retryable("The reply was interrupted.", e);
        }
    }

    /** The message was erased with its session (or never stored): its quota hold has nobody else to give it back. */
    private ReplyOutcome messageGone(MessageRef ref, @Nullable JobHold hold) {
        log.warn("No user message for job {} of tenant {}: nothing to answer", ref.messageId(), ref.tenantId());
        store.releaseQuota(ref, hold);
        return ReplyOutcome.MESSAGE_NOT_FOUND;
    }

    /**
     * Claims the message for each call (the claim is also the only read of it: the job's first claim tells a
     * duplicate of a finished message apart), retrying retryable failures with backoff on this job's own thread.
     */
    private ReplyOutcome answerWithRetries(MessageRef ref, Instant received, @Nullable JobHold hold,
            @Nullable GivenConversation given) {
        TenantProfile profile = profiles.profileOf(ref.tenantId());
        HistoryBudget budget = profile.history(settings.history());
        // a given conversation is the whole conversation: no history is read for it
        CompletableFuture<List<StoredMessage>> history = given == null ? readHistory(ref, budget)
                : CompletableFuture.completedFuture(List.of());
        for (int call = 1; ; call++) {
            Claim claim = store.claim(ref, clock.instant());
            if (claim.started() == null) {
                return notClaimed(ref, claim, call, hold);
            }
            try {
                return answer(claim.started(), call == 1 ? received : null, hold, history, given, profile,
                        budget);
            } catch (ChatModelException e) {
                if (call >= settings.retry().maxAttempts()) {
                    log.warn("Leaving message {} for redelivery after attempt {}: {}", ref.messageId(),
                            claim.started().attempts(), e.getMessage());
                    throw e;
                }
                pause(settings.retry().backoffBefore(call, random), e);
            }
        }
    }

    private ReplyOutcome notClaimed(MessageRef ref, Claim claim, int call, @Nullable JobHold hold) {
        if (claim.found() == null) {
            return messageGone(ref, hold);
        }
        if (claim.cancelRequested()) {
            return cancelWithoutReply(ref, hold);
        }
        if (claim.found() == MessageStatus.CANCELLED) {
            // cancelled while queued (or stopped by a worker that died before giving the hold back): release once
            log.info("Message {} was cancelled by its author: not sent to the model", ref.messageId());
            store.releaseQuota(ref, hold);
            // a worker that stored it cancelled may have died before publishing it
            events.settled(new ReplySettled(ref.tenantId(), ref.sessionId(), ref.messageId()));
            return ReplyOutcome.CANCELLED;
        }
        if (call == 1) {
            log.info("Message {} is already {}: duplicate job", ref.messageId(), claim.found());
            if (claim.found() == MessageStatus.COMPLETED || claim.found() == MessageStatus.FAILED) {
                // its outcome may never have been published (the worker that stored it died right after)
                events.settled(new ReplySettled(ref.tenantId(), ref.sessionId(), ref.messageId()));
            }
        }
        return call == 1 && claim.found() == MessageStatus.FAILED ? ReplyOutcome.ALREADY_FAILED
                : ReplyOutcome.ALREADY_DONE;
    }

    /**
     * Starts reading the conversation before the message on a virtual thread of its own, so that it travels with
     * the claim: one store round trip before the model call instead of two. The history is keyed by the job alone
     * (tenant, session, message) and only read, so reading it for a claim that is refused changes nothing; it is
     * read once per job and used by every in-process retry (the messages before this one are settled: the FIFO
     * group runs them first).
     */
    private CompletableFuture<List<StoredMessage>> readHistory(MessageRef ref, HistoryBudget budget) {
        Map<String, String> logFields = LogContext.current();
        return CompletableFuture.supplyAsync(() -> {
            try (LogContext ignored = LogContext.of(logFields)) {
                return store.historyBefore(ref, budget);
            }
        }, HISTORY_READS);
    }

    private static List<StoredMessage> await(CompletableFuture<List<StoredMessage>> history) {
        try {
            return history.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** One attempt; throws a retryable failure only while the message's attempt budget lasts. */
    private ReplyOutcome answer(UserMessage message, @Nullable Instant received, @Nullable JobHold hold,
            CompletableFuture<List<StoredMessage>> history, @Nullable GivenConversation given,
            TenantProfile profile, HistoryBudget budget) {
        if (message.budgetUsed() > settings.maxAttempts()) {
            return fail(message, new ReplyFailure(ErrorCode.MODEL_UNAVAILABLE,
                    "The reply could not be generated after " + settings.maxAttempts() + " attempts."), hold);
        }
        Conversation conversation;
        try {
            conversation = given != null ? givenConversation(message, given, profile.systemPrompt())
                    : Conversation.of(SystemPrompt.forMessage(message, profile.systemPrompt()), await(history),
                            message.content()).trimmedTo(budget);
        } catch (IllegalArgumentException e) {
            return fail(message, new ReplyFailure(ErrorCode.INVALID_REQUEST,
                    "The given messages must start and end with a user message."), hold);
        }
        ModelSettings model = profile.modelSettings(settings.maxTokens())
                .withClient(conversation.options(), given == null ? null : given.maxTokens());
        try (RunningReplies.Watch watch = running.watch(message.ref())) {
            return call(message, new Call(conversation, model, profile.version()), received, hold, watch);
        }
    }

    /**
     * The client's conversation, sent as given after the tenant's own prompt (its profile's, which a client cannot
     * leave out); whose it is comes from the message, never from its text.
     */
    private static Conversation givenConversation(UserMessage message, GivenConversation given,
            @Nullable String tenantPrompt) {
        MessageRef ref = message.ref();
        Conversation conversation = Conversation.given(given,
                new ConversationScope(ref.tenantId(), message.userId(), ref.sessionId()));
        if (tenantPrompt == null) {
            return conversation;
        }
        String prompt = conversation.systemPrompt().isBlank() ? tenantPrompt
                : tenantPrompt + "\n\n" + conversation.systemPrompt();
        return new Conversation(prompt, conversation.turns(), conversation.scope(), conversation.options());
    }

    /**
     * What one model call is asked: the conversation, how (the tenant's profile applied, then a {@code /v1} client's
     * choices within it) and that profile's version.
     */
    private record Call(Conversation conversation, ModelSettings model, long profileVersion) {
    }

    private ReplyOutcome call(UserMessage message, Call call, @Nullable Instant received,
            @Nullable JobHold hold, RunningReplies.Watch watch) {
        Conversation conversation = call.conversation();
        log.debug("Message {} is answered with tenant profile version {}", message.ref().messageId(),
                call.profileVersion());
        StreamingReplyListener listener = new StreamingReplyListener(events, message.ref(), message.attempts(),
                coalescing).timedBy(clock);
        listener.begin();
        ModelReply reply;
        Instant invokedAt = clock.instant();
        if (received != null) {
            metrics.preModel(message.ref().tenantId(), Duration.between(received, invokedAt));
        }
        try {
            reply = withheldIfIntervened(watch.modelCall(() -> chatModel.reply(conversation, call.model(), listener)),
                    message, listener);
        } catch (RunningReplies.StoppedBeforeCall e) {
            return cancelWithoutReply(message.ref(), hold);
        } catch (ChatModelException e) {
            listener.end();
            if (watch.stopped()) {
                return stopped(message, call, listener.textSoFar(), invokedAt, hold);
            }
            metrics.modelFailure(message.ref().tenantId(), e.failure().code().wireValue());
            return handleFailure(message, e, hold);
        }
        listener.end();
        Instant first = listener.firstDeltaAt();
        metrics.modelCall(message.ref().tenantId(), first == null ? null : Duration.between(invokedAt, first),
                Duration.between(invokedAt, clock.instant()), reply.inputTokens() == null ? 0 : reply.inputTokens(),
                reply.outputTokens() == null ? 0 : reply.outputTokens());
        boolean stopped = watch.stopped();
        meter(message, reply, invokedAt, stopped ? InvocationStatus.CANCELLED : InvocationStatus.COMPLETED);
        return stopped ? storeCancelled(message, reply, hold) : complete(message, reply, hold);
    }

    /**
     * A reply a guardrail intervened in ends {@code completed} with {@link ModelReply#WITHHELD} as its text: what
     * was streamed (the guardrail's own message, or in async mode the start of the blocked text) is voided for the
     * subscribers first, so the blocked text is neither shown on, stored nor published.
     */
    private static ModelReply withheldIfIntervened(ModelReply reply, UserMessage message,
            StreamingReplyListener listener) {
        if (!reply.guardrailIntervened()) {
            return reply;
        }
        log.info("A guardrail intervened in the reply to message {}: withheld", message.ref().messageId());
        listener.restarted();
        return reply.withheld();
    }

    /**
     * The model stream was closed by a stop: the text so far is the reply, its tokens estimated (the provider sends
     * usage only at the end of a stream), metered once like any call, then stored as cancelled.
     */
    private ReplyOutcome stopped(UserMessage message, Call call, String text, Instant invokedAt,
            @Nullable JobHold hold) {
        Conversation conversation = call.conversation();
        ModelReply partial = new ModelReply(text, chatModel.modelIdFor(conversation, call.model()),
                TokenEstimate.of(conversation), TokenEstimate.of(text), null, null,
                Duration.between(invokedAt, clock.instant()), chatModel.agentIdFor(conversation));
        log.info("Reply to message {} stopped by its author after {} characters", message.ref().messageId(),
                text.length());
        meter(message, partial, invokedAt, InvocationStatus.CANCELLED);
        return storeCancelled(message, partial, hold);
    }

    private ReplyOutcome storeCancelled(UserMessage message, ModelReply reply, @Nullable JobHold hold) {
        if (!store.completeCancelled(message, reply, clock.instant(), hold)) {
            return ReplyOutcome.ALREADY_DONE;
        }
        MessageRef ref = message.ref();
        events.cancelled(new ReplyCancelled(ref.tenantId(), ref.sessionId(), ref.messageId(), reply.text(),
                reply.modelId(), new ReplyUsage(reply.inputTokens(), reply.outputTokens())));
        return ReplyOutcome.CANCELLED;
    }

    /** Stopped with nothing generated by this job: the message ends cancelled and its hold is given back whole. */
    private ReplyOutcome cancelWithoutReply(MessageRef ref, @Nullable JobHold hold) {
        log.info("Message {} was stopped by its author before a model call", ref.messageId());
        if (!store.cancel(ref, clock.instant(), hold)) {
            return ReplyOutcome.ALREADY_DONE;
        }
        events.cancelled(new ReplyCancelled(ref.tenantId(), ref.sessionId(), ref.messageId(), "", null, null));
        return ReplyOutcome.CANCELLED;
    }

    /**
     * Publishes the call's usage before the reply is stored: if publishing fails the job stays unacknowledged,
     * and a stored reply never lacks its usage event.
     */
    private void meter(UserMessage message, ModelReply reply, Instant invokedAt, InvocationStatus status) {
        MessageRef ref = message.ref();
        usage.record(new UsageMeter.Call(ref.tenantId(), message.userId(), ref.sessionId(), ref.messageId(),
                message.attempts(), reply.modelId(), reply.agentId(), reply.inputTokens(), reply.outputTokens(),
                reply.cacheReadInputTokens(), reply.cacheWriteInputTokens(), reply.latency(), invokedAt, status));
    }

    private ReplyOutcome complete(UserMessage message, ModelReply reply, @Nullable JobHold hold) {
        if (!store.completeWithReply(message, reply, clock.instant(), hold)) {
            // without a stream bus a stop reaches the worker only here: the whole reply is stored as cancelled
            return store.isCancelRequested(message.ref()) ? storeCancelled(message, reply, hold)
                    : ReplyOutcome.ALREADY_DONE;
        }
        MessageRef ref = message.ref();
        events.completed(new ReplyCompleted(ref.tenantId(), ref.sessionId(), ref.messageId(), reply.text(),
                reply.modelId(), new ReplyUsage(reply.inputTokens(), reply.outputTokens()), reply.stopReason()));
        return ReplyOutcome.COMPLETED;
    }

    private ReplyOutcome handleFailure(UserMessage message, ChatModelException e, @Nullable JobHold hold) {
        if (e.isRetryable() && message.budgetUsed() < settings.maxAttempts()) {
            log.warn("Attempt {} for message {} failed: {}", message.attempts(), message.ref().messageId(),
                    e.getMessage());
            throw e;
        }
        ReplyFailure failure = e.isRetryable()
                ? new ReplyFailure(ErrorCode.MODEL_UNAVAILABLE, e.failure().reason())
                : e.failure();
        return fail(message, failure, hold);
    }

    private ReplyOutcome fail(UserMessage message, ReplyFailure failure, @Nullable JobHold hold) {
        MessageRef ref = message.ref();
        log.warn("Message {} failed after {} attempt(s): {}", ref.messageId(), message.attempts(), failure);
        if (!store.markFailed(ref, failure, clock.instant(), hold)) {
            return store.isCancelRequested(ref) ? cancelWithoutReply(ref, hold) : ReplyOutcome.ALREADY_DONE;
        }
        events.failed(new ReplyFailed(ref.tenantId(), ref.sessionId(), ref.messageId(),
                new ReplyError(failure.code().wireValue(), failure.reason())));
        return ReplyOutcome.FAILED;
    }

    private void pause(Duration backoff, ChatModelException failure) {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
