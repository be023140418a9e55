package io.tenantchat.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tenantchat.shared.TenantId;
import java.util.Set;

/** The data-layer rules behind tenant isolation, and the layering rules of ports and adapters. */
final class ArchitectureRules {

    private static final Set<String> DATA_PORT_NAMES = Set.of("Repository", "Store", "Reader", "Writer");
    private static final Set<String> DYNAMODB_ENTRY_POINTS = Set.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncIndex",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient");
    /** Scan reads every tenant's items; a PartiQL SELECT without a key condition is a scan too. */
    private static final Set<String> TABLE_WIDE_READS = Set.of(
            "scan", "scanPaginator", "executeStatement", "batchExecuteStatement", "executeTransaction");

    private ArchitectureRules() {
    }

    /** Ports read without a tenant, by design; each named in docs/security.md section 4. */
    static final Set<String> ALL_TENANT_PORTS = Set.of("ApiKeyLookup", "JobDirectory");

    /** Interfaces named like stores, or implemented by a DynamoDB adapter. */
    static final DescribedPredicate<JavaClass> DATA_PORTS = DescribedPredicate.describe("data ports", type ->
            type.isInterface() && (DATA_PORT_NAMES.stream().anyMatch(type.getSimpleName()::endsWith)
                    || type.getAllSubclasses().stream().anyMatch(impl -> impl.getPackageName().contains(".adapter.out.dynamodb"))));

    /**
     * Every public method of a data port takes the tenant first. Data ports are the interfaces named
     * {@code *Repository}, {@code *Store}, {@code *Reader} or {@code *Writer}, and any interface a DynamoDB adapter
     * implements.
     */
    static final ArchRule TENANT_FIRST_IN_STORES = classes()
            .that(DATA_PORTS)
            .and(DescribedPredicate.describe("not an all-tenant port", type -> !ALL_TENANT_PORTS.contains(type.getSimpleName())))
            .should(takeTheTenantFirstInEveryMethod())
            .because("every read and write is keyed by the tenant taken from the verified token");

    /** No Scan (or key-less PartiQL) anywhere: a request path never reads across tenants. */
    static final ArchRule NO_TABLE_WIDE_READS = noClasses()
            .should().callMethodWhere(tableWideRead())
            .because("a scan reads every tenant's items; queries and gets are keyed by the tenant");

    /**
     * Adapters that keep calls not made for one tenant on the task role. Each must be named in docs/security.md
     * section 4. {@code DynamoDbApiKeyStore}: authentication finds an API key by its id before any tenant is known,
     * so the keys table is keyed by key id, which no tenant-scoped credential can be bound to.
     * {@code DynamoDbApiKeyEraser}: an erasure deletes a user's keys from that same table. {@code DynamoDbErasureJobs}:
     * an operator's job is found by id, and the sweeper finds expired leases, over every tenant's jobs (its item
     * calls on one job are signed for the job's tenant).
     */
    static final Set<String> ALL_TENANT_ADAPTERS = Set.of("DynamoDbApiKeyStore", "DynamoDbApiKeyEraser",
            "DynamoDbErasureJobs");


    /**
     * A DynamoDB adapter holds no DynamoDB client or table of its own: it asks {@code TenantDynamoDb} for the
     * tenant's client on each call, so with scoped credentials on every call is signed for the caller's tenant.
     */
    static final ArchRule DYNAMODB_ADAPTERS_SIGN_PER_TENANT = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("..adapter.out.dynamodb..")
            .and().areDeclaredInClassesThat(DescribedPredicate.describe("not an all-tenant adapter",
                    type -> !ALL_TENANT_ADAPTERS.contains(type.getSimpleName())))
            .should().haveRawType(DescribedPredicate.describe("a DynamoDB client, table or index",
                    type -> DYNAMODB_ENTRY_POINTS.contains(type.getName())))
            .because("tenant data is reached through TenantDynamoDb, which signs each call with the tenant's "
                    + "scoped credentials (docs/security.md section 4)");

    static final ArchRule DOMAIN_AND_APPLICATION_FREE_OF_FRAMEWORKS = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                    "io.awspring..", "tools.jackson..")
            .because("use cases and domain types are plain Java, tested without frameworks");

    static final ArchRule AWS_ONLY_IN_ADAPTERS_AND_CONFIG = noClasses()
            .that().resideOutsideOfPackages("..adapter..", "..config..", "..credentials..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.awspring..")
            .because("AWS SDK types appear only in adapters, configuration and the scoped-credentials plumbing");

    private static ArchCondition<JavaClass> takeTheTenantFirstInEveryMethod() {
        return new ArchCondition<>("take a TenantId (or a record carrying one) as first parameter of every method") {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                for (JavaMethod method : port.getMethods()) {
                    boolean instanceApi = method.getModifiers().contains(JavaModifier.PUBLIC)
                            && !method.getModifiers().contains(JavaModifier.STATIC);
                    if (instanceApi && !tenantFirst(method)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " does not take the tenant as its first parameter"));
                    }
                }
            }
        };
    }

    private static boolean tenantFirst(JavaMethod method) {
        if (method.getRawParameterTypes().isEmpty()) {
            return false;
        }
        JavaClass first = method.getRawParameterTypes().get(0);
        return first.isEquivalentTo(TenantId.class) || carriesTenant(first);
    }

    /** A record whose {@code tenantId()} component is a {@link TenantId} (e.g. ChatSession, ChatMessage, MessageRef). */
    private static boolean carriesTenant(JavaClass type) {
        return type.isRecord() && type.tryGetMethod("tenantId")
                .map(accessor -> accessor.getRawReturnType().isEquivalentTo(TenantId.class))
                .orElse(false);
    }

    private static DescribedPredicate<JavaMethodCall> tableWideRead() {
        return DescribedPredicate.describe("a DynamoDB scan or PartiQL statement",
                call -> TABLE_WIDE_READS.contains(call.getName())
                        && DYNAMODB_ENTRY_POINTS.contains(call.getTargetOwner().getName()));
    }
}
