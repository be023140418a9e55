package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.AwsClients;
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
import io.tenantchat.localstack.sqs.ElasticMqServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
 * with the {@code local} profile. {@link #close()} (or JVM exit) stops everything in reverse order.
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
    private List<ServiceJvm> services;

    private LocalSystem(Options options) {
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
        List<String> properties = ServiceProperties.of(this);
        List<Integer> servicePorts = List.of(ports.api(), ports.worker(), ports.aggregator());
        services = IntStream.range(0, MODULES.size())
                .mapToObj(i -> resources.add(ServiceJvm.launch(repoRoot, MODULES.get(i), servicePorts.get(i),
                        properties, data.logDir())))
                .toList();
        services.forEach(ServiceJvm::awaitHealthy);
        log.info("TenantChat is up: api {}, logs in {}", apiBaseUrl(), data.logDir());
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
        if (services != null) {
            CompletableFuture.allOf(services.stream()
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
     */
    public record Options(Path dataDir, boolean fixedPorts, Path repoRoot, Path logDir) {

        public Options(Path dataDir, boolean fixedPorts, Path repoRoot) {
            this(dataDir, fixedPorts, repoRoot, null);
        }

        public Options {
            if (repoRoot == null) {
                throw new IllegalArgumentException("repoRoot is required");
            }
        }
    }
}
