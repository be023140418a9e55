package io.tenantchat.e2e;

import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.launcher.LocalSystem;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local system of an end-to-end test class, shared with every other class of this test JVM that asks for the
 * same {@link Kind}: starting one (stand-ins, provisioning, three service JVMs) takes 30–40 s on 2 cores, so it is
 * started once per kind, not once per class. The running systems live in the root {@link ExtensionContext.Store},
 * which closes them when the JVM's tests end.
 *
 * <p>Classes of different kinds run at the same time (JUnit's parallel execution, {@code junit-platform.properties}):
 * most of an end-to-end test is waiting (for slow model streams, visibility leases, a killed worker's jobs to
 * reappear), so three systems side by side on 2 cores finish in about the time of the longest kind. Classes of one
 * kind run one after another: each declares {@code @ResourceLock} on its kind's lock ({@link #DEFAULT_LOCK},
 * {@link #CRASH_TOLERANT_LOCK}, {@link #FAIL_FAST_LOCK}), because some of them kill the worker or switch faults on
 * for the whole system.
 *
 * <p>A class gets the system with every fault switched off (model stand-in on its default settings, EventBridge
 * delivering every entry). Tests share the system, so each one isolates itself by its own tenants, users and
 * sessions and counts what it observes per tenant or as a difference from before it acted, never as a total since
 * the system started.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedSystem SYSTEM = SharedSystem.of(SharedSystem.Kind.DEFAULT);
 * }</pre>
 */
final class SharedSystem implements BeforeAllCallback {

    /** The {@code @ResourceLock} of the classes that share the {@link Kind#DEFAULT} system. */
    static final String DEFAULT_LOCK = "tenantchat.e2e.system.DEFAULT";
    /** The {@code @ResourceLock} of the classes that share the {@link Kind#CRASH_TOLERANT} system. */
    static final String CRASH_TOLERANT_LOCK = "tenantchat.e2e.system.CRASH_TOLERANT";
    /** The {@code @ResourceLock} of the classes that share the {@link Kind#FAIL_FAST} system. */
    static final String FAIL_FAST_LOCK = "tenantchat.e2e.system.FAIL_FAST";

    /** The sets of options the end-to-end classes need; each is started at most once per test JVM. */
    enum Kind {
        /** The services as configured for the local profile: what most tests need. */
        DEFAULT(List.of()),
        /**
         * A worker that a kill does not hold up for long (a 6 s visibility lease renewed every 2 s, so a killed
         * worker's jobs reappear within seconds) and that retries through random throttling (20 model calls per
         * message, backoff 50–500 ms): for the classes that kill the worker and inject faults.
         */
        CRASH_TOLERANT(List.of(
                "--tenantchat.worker.visibility.lease-seconds=6",
                "--tenantchat.worker.visibility.heartbeat-seconds=2",
                "--tenantchat.worker.max-attempts=20",
                // 20 attempts at the 5 min default would make a job's longest life 1h42m, past the stale-hold
                // reconciler's 1 h (refused at startup); this kind's replies take seconds
                "--tenantchat.model.call-timeout=45s",
                "--tenantchat.worker.retry.max-attempts=20",
                "--tenantchat.worker.retry.initial-backoff=50ms",
                "--tenantchat.worker.retry.max-backoff=500ms")),
        /**
         * A worker that gives up after two quick attempts, so a model outage fails (and dead-letters) messages within
         * seconds: for the operations tests of the dead-letter queue.
         */
        FAIL_FAST(List.of(
                "--tenantchat.worker.max-attempts=2",
                "--tenantchat.worker.retry.max-attempts=2",
                "--tenantchat.worker.retry.initial-backoff=10ms",
                "--tenantchat.worker.retry.max-backoff=50ms"));

        private final List<String> workerProperties;

        Kind(List<String> workerProperties) {
            this.workerProperties = workerProperties;
        }

        LocalSystem.Options options() {
            Path repoRoot = Path.of("").toAbsolutePath().getParent();
            LocalSystem.Options options = new LocalSystem.Options(null, false, repoRoot,
                    Path.of("target", "service-logs-" + name().toLowerCase().replace('_', '-')));
            return workerProperties.isEmpty() ? options
                    : options.withServiceProperties("worker-service", workerProperties.toArray(String[]::new));
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    private final Kind kind;
    private Running running;

    private SharedSystem(Kind kind) {
        this.kind = kind;
    }

    static SharedSystem of(Kind kind) {
        return new SharedSystem(Objects.requireNonNull(kind));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Holder.class, type -> new Holder(), Holder.class);
        running = holder.acquire(kind);
        running.switchFaultsOff();
    }

    /** The running system of this class's kind. */
    LocalSystem get() {
        if (running == null) {
            throw new IllegalStateException("SharedSystem is used before its class's @BeforeAll: register it with "
                    + "@RegisterExtension on a static field");
        }
        return running.system();
    }

    /** A second api-service instance on the same system, started the first time a class asks for it. */
    URI secondApi() {
        get();
        return running.secondApi();
    }

    /** The systems running in this JVM, one per kind, closed with the root store when the tests end. */
    private static final class Holder implements AutoCloseable {

        /**
         * One system starts at a time: starting one is CPU-bound (three Spring Boot JVMs, cognito-local, ElasticMQ),
         * and nine service JVMs starting at once on 2 cores miss their readiness deadline. The longest kind is
         * asked for first, so it starts first; the others start while its tests already run.
         */
        private static final Object STARTING_ONE_AT_A_TIME = new Object();

        private final Map<Kind, Running> running = new EnumMap<>(Kind.class);
        private final Map<Kind, Object> starting = new EnumMap<>(Kind.class);

        Holder() {
            for (Kind kind : Kind.values()) {
                starting.put(kind, new Object());
            }
        }

        /** The system of {@code kind}, started on first use; kinds start side by side, each at most once. */
        Running acquire(Kind kind) {
            synchronized (starting.get(kind)) {
                synchronized (this) {
                    Running current = running.get(kind);
                    if (current != null) {
                        return current;
                    }
                }
                Running fresh;
                synchronized (STARTING_ONE_AT_A_TIME) {
                    long started = System.nanoTime();
                    fresh = new Running(kind, LocalSystem.start(kind.options()));
                    System.out.printf("shared system: %s started in %d ms%n", kind,
                            (System.nanoTime() - started) / 1_000_000);
                }
                synchronized (this) {
                    running.put(kind, fresh);
                }
                return fresh;
            }
        }

        @Override
        public synchronized void close() {
            running.values().forEach(Running::close);
            running.clear();
        }
    }

    private static final class Running implements AutoCloseable {

        private final Kind kind;
        private final LocalSystem system;
        private URI secondApi;

        Running(Kind kind, LocalSystem system) {
            this.kind = kind;
            this.system = system;
        }

        Kind kind() {
            return kind;
        }

        LocalSystem system() {
            return system;
        }

        synchronized URI secondApi() {
            if (secondApi == null) {
                secondApi = system.startApiInstance();
            }
            return secondApi;
        }

        /** What an earlier class may have left switched on: model faults and pacing, EventBridge entry failures. */
        void switchFaultsOff() {
            system.bedrock().settings(BedrockStandIn.Settings.defaults());
            system.eventBridge().failEntriesRandomly(0);
            system.eventBridge().failNextEntries(0);
            system.eventBridge().refuseAllCalls(false);
        }

        @Override
        public void close() {
            system.close();
        }
    }
}
