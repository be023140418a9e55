package io.tenantchat.api.support;

import io.tenantchat.api.apikey.application.ApiKeyAuthenticator;
import io.tenantchat.api.apikey.application.ApiKeyService;
import io.tenantchat.api.audit.application.AuditService;
import io.tenantchat.api.export.application.ExportService;
import io.tenantchat.api.usage.domain.RollupRow;
import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.api.chat.application.CancelChatMessageService;
import io.tenantchat.api.chat.application.ChatService;
import io.tenantchat.api.chat.application.RetryChatMessageService;
import io.tenantchat.api.profile.application.ProfileChanges;
import io.tenantchat.api.profile.application.ProfileService;
import io.tenantchat.api.profile.domain.ProfileBounds;
import io.tenantchat.api.profile.domain.ProfileField;
import io.tenantchat.api.session.application.SessionService;
import io.tenantchat.api.tenant.application.QuotaAdmission;
import io.tenantchat.api.tenant.application.SubscriptionService;
import io.tenantchat.api.tenant.application.TenantPlans;
import io.tenantchat.api.tenant.application.TierCatalog;
import io.tenantchat.api.tenant.application.TokenEstimate;
import io.tenantchat.api.stream.application.LiveReplies;
import io.tenantchat.api.stream.application.StreamService;
import io.tenantchat.api.stream.application.Subscription;
import io.tenantchat.shared.ChatRequested;
import io.tenantchat.shared.SessionId;
import io.tenantchat.shared.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Real use cases over in-memory ports, for web slice tests. */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryAdapters {

    @Bean
    InMemorySessionRepository sessionRepository() {
        return new InMemorySessionRepository();
    }

    @Bean
    InMemoryMessageStore messageStore(InMemorySessionRepository sessions) {
        return new InMemoryMessageStore(sessions);
    }

    @Bean
    List<ChatRequested> queuedJobs() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    RecordingConversationEraser conversationEraser() {
        return new RecordingConversationEraser();
    }

    @Bean
    SessionService sessionService(InMemorySessionRepository sessions, RecordingConversationEraser conversations) {
        return new SessionService(sessions, conversations, Clock.systemUTC());
    }

    @Bean
    RetryChatMessageService retryChatMessageService(InMemoryMessageStore messages, List<ChatRequested> queuedJobs,
            InMemoryTenantDirectory directory, InMemoryQuotaLedger ledger) {
        return new RetryChatMessageService(messages, queuedJobs::add, Clock.systemUTC(), new QuotaAdmission(
                new TenantPlans(directory, Tiers.catalog()), ledger, new TokenEstimate(100, 4, 0), Clock.systemUTC()));
    }

    @Bean
    RecordingCancelSignals cancelSignals() {
        return new RecordingCancelSignals();
    }

    @Bean
    CancelChatMessageService cancelChatMessageService(InMemoryMessageStore messages, RecordingCancelSignals signals) {
        return new CancelChatMessageService(messages, signals, Clock.systemUTC());
    }

    @Bean
    InMemoryAuditTrail auditTrail() {
        return new InMemoryAuditTrail();
    }

    @Bean
    AuditService auditService(InMemoryAuditTrail trail) {
        return new AuditService(trail);
    }

    /** Exports over the in-memory sessions and messages; one month of usage for every tenant. */
    @Bean
    ExportService exportService(InMemorySessionRepository sessions, InMemoryMessageStore messages,
            InMemoryAuditTrail trail) {
        return new ExportService(sessions, messages, (tenant, granularity, from, to) -> List.of(new RollupRow(
                "2026-12", "total", new UsageFigures(1, 10, 20, 0, 0, 1_000, 0))), trail.requestRecorder(Clock.systemUTC()));
    }

    @Bean
    InMemoryTenantDirectory tenantDirectory(InMemoryAuditTrail trail) {
        return new InMemoryTenantDirectory(trail);
    }

    @Bean
    InMemoryQuotaLedger quotaLedger() {
        return new InMemoryQuotaLedger();
    }

    @Bean
    SubscriptionService subscriptionService(InMemoryTenantDirectory directory, InMemoryQuotaLedger ledger,
            InMemoryAuditTrail trail) {
        TierCatalog catalog = Tiers.catalog();
        return new SubscriptionService(new TenantPlans(directory, catalog), directory, catalog, ledger,
                Clock.systemUTC(), trail.requestRecorder(Clock.systemUTC()));
    }

    @Bean
    InMemoryTenantProfiles tenantProfiles(InMemoryAuditTrail trail) {
        return new InMemoryTenantProfiles(trail);
    }

    /** Bedrock (every setting applies), one allowed model, outputs up to 2048 tokens. */
    @Bean
    ProfileBounds profileBounds() {
        return new ProfileBounds(List.of("us.anthropic.claude-sonnet-4-20250514-v1:0"), 2048, "bedrock",
                ProfileField.ALL);
    }

    @Bean
    ProfileService profileService(InMemoryTenantProfiles profiles, ProfileBounds bounds, InMemoryAuditTrail trail) {
        return new ProfileService(profiles, bounds, Clock.systemUTC(), trail.requestRecorder(Clock.systemUTC()),
                ProfileChanges.NONE);
    }

    /** The API keys' clock, which web tests move on to expire keys. */
    @Bean
    SettableClock apiKeyClock() {
        return new SettableClock(Instant.now());
    }

    @Bean
    InMemoryApiKeyStore apiKeyStore(InMemoryAuditTrail trail) {
        return new InMemoryApiKeyStore(trail);
    }

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator(InMemoryApiKeyStore keys, SettableClock apiKeyClock) {
        return new ApiKeyAuthenticator(keys, apiKeyClock, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    @Bean
    ApiKeyService apiKeyService(InMemoryApiKeyStore keys, ApiKeyAuthenticator authenticator, SettableClock apiKeyClock,
            InMemoryAuditTrail trail) {
        return new ApiKeyService(keys, authenticator, apiKeyClock, new SecureRandom(), trail.requestRecorder(apiKeyClock));
    }

    /** The reply feed over the in-memory messages, without live events (as on one instance without Redis). */
    @Bean
    StreamService streamService(ChatService messages) {
        LiveReplies none = new LiveReplies() {
            @Override
            public Subscription subscribe(TenantId tenantId, SessionId sessionId, Listener listener) {
                return Subscription.NONE;
            }

            @Override
            public boolean carriesWorkerEvents() {
                return false;
            }
        };
        return new StreamService(messages, none, (tenant, session, message) -> Optional.empty(),
                Executors.newSingleThreadScheduledExecutor(), Duration.ofMillis(100));
    }

    @Bean
    io.tenantchat.api.openai.application.CompletionService completionService(InMemorySessionRepository sessions,
            ChatService chat) {
        return new io.tenantchat.api.openai.application.CompletionService(
                new io.tenantchat.api.openai.application.AllowedModels(
                        io.tenantchat.api.openai.config.OpenAiProperties.defaults().allowedModels(),
                        tenant -> java.util.Optional.empty()),
                sessions, chat, Clock.systemUTC());
    }

    @Bean
    ChatService chatService(InMemorySessionRepository sessions, InMemoryMessageStore messages, List<ChatRequested> queuedJobs) {
        return new ChatService(sessions, messages, queuedJobs::add, Clock.systemUTC());
    }
}
