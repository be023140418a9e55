package io.tenantchat.usage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tenantchat.localstack.architecture.FeatureRules;

/** usage-aggregator's layering and feature boundaries (the same feature rules as api-service and worker-service). */
@AnalyzeClasses(packages = "io.tenantchat.usage", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTests {

    private static final FeatureRules FEATURES = FeatureRules.under("io.tenantchat.usage");

    @ArchTest
    static final ArchRule domainAndApplicationUseNeitherSpringNorAws = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                    "io.awspring..", "..adapter..", "..config..");

    @ArchTest
    static final ArchRule awsSdkStaysInAdaptersAndConfig = noClasses()
            .that().resideOutsideOfPackages("..adapter..", "..config..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..");

    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesAdapters =
            FEATURES.noFeatureReachesIntoAnotherFeaturesAdapters();

    @ArchTest
    static final ArchRule adaptersUseOnlyTheirOwnFeaturesConfig = FEATURES.adaptersUseOnlyTheirOwnFeaturesConfig();
}
