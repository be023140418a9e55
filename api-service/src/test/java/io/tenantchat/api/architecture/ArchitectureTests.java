package io.tenantchat.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tenantchat.api.architecture.violations.LeakyStore;
import io.tenantchat.api.architecture.violations.ScanningAdapter;
import io.tenantchat.api.architecture.violations.adapter.out.dynamodb.UnsignedStore;
import io.tenantchat.localstack.architecture.FeatureRules;
import org.junit.jupiter.api.Test;

/**
 * The data layer as the second line of tenant isolation, checked over api-service's production classes. The
 * plain tests prove each isolation rule rejects a deliberate violation, so the rules cannot pass vacuously.
 */
@AnalyzeClasses(packages = "io.tenantchat.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule storesTakeTheTenantFirst = ArchitectureRules.TENANT_FIRST_IN_STORES;

    @ArchTest
    static final ArchRule nothingScansATable = ArchitectureRules.NO_TABLE_WIDE_READS;

    @ArchTest
    static final ArchRule dynamoDbAdaptersSignPerTenant = ArchitectureRules.DYNAMODB_ADAPTERS_SIGN_PER_TENANT;

    @ArchTest
    static final ArchRule domainAndApplicationAreFrameworkFree = ArchitectureRules.DOMAIN_AND_APPLICATION_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule awsTypesStayInAdaptersAndConfig = ArchitectureRules.AWS_ONLY_IN_ADAPTERS_AND_CONFIG;

    /**
     * Features own their configuration and keep out of each other's adapters. One dependency is by design: chat's
     * intake writes the tenant's quota claim in the same transaction as the message (ADR 004 addendum), with the
     * write set the tenant feature publishes for it ({@code QuotaClaimWrites}). The other is the audit trail: a plan
     * change and an API key's creation or revocation append their audit entry in the same transaction as the change
     * (so neither exists without the other), with the item and table the audit feature publishes for it
     * ({@code AuditItems}, {@code AuditProperties}); a tenant profile's save appends {@code profile.changed} the same
     * way, for the same reason (a refused save must leave no entry, a saved one must have one). And {@code /v1}'s
     * streamed completions keep alive on the same setting as the event stream they are built on
     * ({@code EventStreamProperties}).
     */
    private static final FeatureRules FEATURES = FeatureRules.under("io.tenantchat.api")
            // an erasure job completes and appends its audit entry in one transaction, so a job is never completed
            // without its entry nor recorded twice after a takeover
            .allowing("DynamoDbErasureJobs", "AuditItems")
            .allowing("DynamoDbMessageIntake", "QuotaClaimWrites")
            .allowing("DynamoDbTenantDirectory", "AuditItems")
            .allowing("DynamoDbTenantDirectory", "AuditProperties")
            .allowing("DynamoDbApiKeyStore", "AuditItems")
            .allowing("DynamoDbApiKeyStore", "AuditProperties")
            .allowing("DynamoDbTenantProfiles", "AuditItems")
            .allowing("DynamoDbTenantProfiles", "AuditProperties")
            .allowing("ChatCompletionsController", "EventStreamProperties");

    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesAdapters =
            FEATURES.noFeatureReachesIntoAnotherFeaturesAdapters();

    @ArchTest
    static final ArchRule adaptersUseOnlyTheirOwnFeaturesConfig = FEATURES.adaptersUseOnlyTheirOwnFeaturesConfig();

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(LeakyStore.class,
            ScanningAdapter.class, UnsignedStore.class);

    @Test
    void tenantRuleRejectsAStoreMethodWithoutTheTenantFirst() {
        assertThat(ArchitectureRules.TENANT_FIRST_IN_STORES.evaluate(VIOLATIONS).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("LeakyStore.findAll"));
    }

    @Test
    void scanRuleRejectsACallToScan() {
        assertThat(ArchitectureRules.NO_TABLE_WIDE_READS.evaluate(VIOLATIONS).getFailureReport().getDetails())
                .anyMatch(line -> line.contains("ScanningAdapter.count") && line.contains("scan"));
    }

    @Test
    void signingRuleRejectsADynamoDbAdapterHoldingItsOwnClient() {
        assertThat(ArchitectureRules.DYNAMODB_ADAPTERS_SIGN_PER_TENANT.evaluate(VIOLATIONS).getFailureReport()
                .getDetails()).anyMatch(line -> line.contains("UnsignedStore.dynamo"));
    }

    @Test
    void tenantRuleCoversTheRealPorts() {
        JavaClasses production = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.tenantchat.api");

        assertThat(production.stream().filter(type -> ArchitectureRules.DATA_PORTS.test(type)))
                .extracting(JavaClass::getSimpleName)
                .contains("SessionRepository", "MessageStore", "UsageRollupReader");
    }
}
