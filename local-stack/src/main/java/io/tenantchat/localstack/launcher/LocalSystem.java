package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.Ports;
import io.tenantchat.localstack.bedrock.BedrockStandIn;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.dynamodb.DynoxideServer;
import io.tenantchat.localstack.eventbridge.EventBridgeStandIn;
import io.tenantchat.localstack.provision.Provisioner;
import io.tenantchat.localstack.provision.QueueUrls;
import io.tenantchat.localstack.provision.TableNames;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.localstack.provision.TestUsers;
import io.tenantchat.localstack.provision.UserPool;
import io.tenantchat.localstack.provision.UserPoolSetup;
import io.tenantchat.localstack.redis.RedisServer;
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system on this machine (dev/test only): ElasticMQ, dynoxide, cognito-local, the Bedrock and EventBridge
 * stand-ins, provisioned as in docs/architecture.md, and api-service, worker-service and usage-aggregator as child JVMs
 * with the {@code local} profile, plus Redis (the stream bus) when {@code redis-server} is installed. Tests may kill
 * and restart the worker and start more api instances. {@link #close()} (or JVM exit) stops everything in reverse
 * order.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String POOL_NAME = "tenantchat-local";
    public static final String USAGE_BUS = "tenantchat-usage";
    static final List<String> MODULES = List.of("api-service", "worker-service", "usage-aggregator");
    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    private final Resources resources = new Resources();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stop, "local-system-shutdown");
    private final DataDirectory data;
    private final PortPlan ports;
    private StandIns standIns;
    private QueueUrls queues;
    private UserPool pool;
    private CognitoIdentityProviderClient cognito;
    private final List<ServiceJvm> services = new ArrayList<>();
    private final Options options;
    private int launches;

    private LocalSystem(Options options) {
        this.options = options;
        MODULES.forEach(module -> ServiceJvm.jar(options.repoRoot().toAbsolutePath(), module)); // fail before starting
        this.ports = options.fixedPorts() ? PortPlan.fixed().requireFree() : PortPlan.free();
        this.data = resources.add(DataDirectory.of(options));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything and waits until every service reports healthy; fails loudly, stopping what it started. */
    public static LocalSystem start(Options options) {
        LocalSystem system = new LocalSystem(options);
        try {
            system.startStandIns();
            system.provision();
            system.startServices(options.repoRoot().toAbsolutePath());
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startStandIns() {
        standIns = StandIns.start(data, ports.cognito(), resources);
    }

    private void provision() {
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(standIns.dynamoDb().endpoint());
                SqsClient sqs = AwsClients.sqs(standIns.sqs().endpoint())) {
            Provisioner.createTables(dynamoDb, TableNames.defaults());
            queues = Provisioner.createQueues(sqs);
        }
        cognito = resources.add(AwsClients.cognito(standIns.cognito().endpoint()));
        pool = UserPoolSetup.ensureUserPool(cognito, POOL_NAME);
        standIns.eventBridge().addRule(USAGE_BUS, "tenantchat.worker", "ModelInvoked", queues.usageEvents());
    }

    private void startServices(Path repoRoot) {
        List<Integer> servicePorts = List.of(ports.api(), ports.worker(), ports.aggregator());
        IntStream.range(0, MODULES.size()).forEach(i -> services.add(launch(MODULES.get(i), MODULES.get(i),
                servicePorts.get(i))));
        services.forEach(ServiceJvm::awaitHealthy);
        log.info("TenantChat is up: api {}, logs in {}", apiBaseUrl(), data.logDir());
    }

    private ServiceJvm launch(String module, String name, int port) {
        List<String> properties = new ArrayList<>(ServiceProperties.of(this));
        properties.addAll(options.serviceProperties().getOrDefault(module, List.of()));
        return resources.add(ServiceJvm.launch(options.repoRoot().toAbsolutePath(), module, name, port, properties,
                data.logDir()));
    }

    /**
     * Kills the worker at once (SIGKILL), as a crash would: jobs it held reappear on the queue when their
     * visibility lease runs out. {@link #restartWorker()} brings a new one.
     */
    public synchronized void killWorker() {
        services.get(1).kill();
    }

    /** Starts a new worker (on a new port, logging to {@code worker-service-<n>.log}) and waits until healthy. */
    public synchronized void restartWorker() {
        services.get(1).kill();
        services.set(1, launchHealthy("worker-service"));
    }

    /** Starts one more api-service instance (same stand-ins, Redis and tables) and returns its base URL. */
    public synchronized URI startApiInstance() {
        ServiceJvm api = launchHealthy("api-service");
        services.add(api);
        return api.baseUrl();
    }

    private ServiceJvm launchHealthy(String module) {
        ServiceJvm service = launch(module, module + "-" + (++launches + 1), Ports.free());
        service.awaitHealthy();
        return service;
    }

    /** {@code http://localhost:<api port>} */
    public URI apiBaseUrl() {
        return services.get(0).baseUrl();
    }

    public URI workerBaseUrl() {
        return services.get(1).baseUrl();
    }

    public URI aggregatorBaseUrl() {
        return services.get(2).baseUrl();
    }

    public UserPool userPool() {
        return pool;
    }

    /** Creates (or reuses) a user of {@code tenantId} with the dev password and signs it in. */
    public TestUser user(String tenantId, String email) {
        return TestUsers.createOrSignIn(cognito, pool, tenantId, email, TestUsers.DEV_PASSWORD);
    }

    /** As {@link #user}, in the {@code tenant-admin} group of its tenant (manages its profile, API keys and sessions). */
    public TestUser tenantAdmin(String tenantId, String email) {
        return TestUsers.addToGroup(cognito, pool, user(tenantId, email), "tenant-admin", TestUsers.DEV_PASSWORD);
    }

    /** As {@link #user}, in the {@code platform-operator} group (may read {@code /actuator/metrics} of the api). */
    public TestUser operator(String tenantId, String email) {
        return TestUsers.addToGroup(cognito, pool, user(tenantId, email), "platform-operator", TestUsers.DEV_PASSWORD);
    }

    /** The issuer of the ID tokens: {@code http://localhost:<cognito port>/<poolId>}. */
    public String issuer() {
        return standIns.cognito().endpoint() + "/" + pool.poolId();
    }

    public URI jwkSetUri() {
        return URI.create(issuer() + "/.well-known/jwks.json");
    }

    public URI sqsEndpoint() {
        return standIns.sqs().endpoint();
    }

    public URI dynamoDbEndpoint() {
        return standIns.dynamoDb().endpoint();
    }

    public URI cognitoEndpoint() {
        return standIns.cognito().endpoint();
    }

    public URI bedrockEndpoint() {
        return standIns.bedrock().endpoint();
    }

    public URI eventBridgeEndpoint() {
        return standIns.eventBridge().endpoint();
    }

    public BedrockStandIn bedrock() {
        return standIns.bedrock();
    }

    /** The EventBridge stand-in, for fault injection ({@code failEntriesRandomly}, {@code refuseAllCalls}). */
    public EventBridgeStandIn eventBridge() {
        return standIns.eventBridge();
    }

    /** Redis, when {@code redis-server} is installed: the services then stream replies through it. */
    public Optional<RedisServer> redis() {
        return Optional.ofNullable(standIns.redis());
    }

    public QueueUrls queues() {
        return queues;
    }

    public TableNames tables() {
        return TableNames.defaults();
    }

    public Path dataDir() {
        return data.dataDir();
    }

    /** Where each service writes {@code <module>.log}. */
    public Path logDir() {
        return data.logDir();
    }

    /**
     * Writes {@code <root>/.local/stack.json} for this system, as {@code run} does for the repository, so the
     * CLI scripts ({@code TENANTCHAT_STACK_FILE}) can reach it.
     *
     * @return the file written
     */
    public Path writeStackFile(Path root) {
        try {
            Files.createDirectories(root.resolve(StackFile.LOCATION).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackFile.of(this).write(root);
        return root.resolve(StackFile.LOCATION);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook stops everything
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            stopServicesTogether();
            resources.close();
        }
    }

    private void stopServicesTogether() {
        List<ServiceJvm> running;
        synchronized (this) {
            running = List.copyOf(services);
        }
        if (!running.isEmpty()) {
            CompletableFuture.allOf(running.stream()
                    .map(service -> CompletableFuture.runAsync(service::close))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * How to start the system.
     *
     * @param dataDir where dynoxide, cognito-local and the logs keep their data across runs; null for a temporary
     *     directory (in-memory DynamoDB) deleted on close
     * @param fixedPorts true: api 8000, worker 8001, aggregator 8002, cognito-local 9229; false: free ports
     * @param repoRoot the checkout whose {@code <module>/target/<module>-*-exec.jar} are run
     * @param logDir where the service logs go; null: {@code <dataDir>/logs}, or {@code target/service-logs} of the
     *     current directory when {@code dataDir} is null
     * @param serviceProperties extra command-line properties per module ({@code --name=value}), after the usual ones
     */
    public record Options(Path dataDir, boolean fixedPorts, Path repoRoot, Path logDir,
            Map<String, List<String>> serviceProperties) {

        public Options(Path dataDir, boolean fixedPorts, Path repoRoot) {
            this(dataDir, fixedPorts, repoRoot, null);
        }

        public Options(Path dataDir, boolean fixedPorts, Path repoRoot, Path logDir) {
            this(dataDir, fixedPorts, repoRoot, logDir, Map.of());
        }

        public Options {
            if (repoRoot == null) {
                throw new IllegalArgumentException("repoRoot is required");
            }
            serviceProperties = Map.copyOf(serviceProperties);
        }

        /** These options plus {@code properties} (each {@code --name=value}) for {@code module}. */
        public Options withServiceProperties(String module, String... properties) {
            Map<String, List<String>> all = new HashMap<>(serviceProperties);
            List<String> forModule = new ArrayList<>(all.getOrDefault(module, List.of()));
            forModule.addAll(Arrays.asList(properties));
            all.put(module, List.copyOf(forModule));
            return new Options(dataDir, fixedPorts, repoRoot, logDir, all);
        }
    }
}
