package io.tenantchat.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tenantchat.localstack.architecture.FeatureRules;

@AnalyzeClasses(packages = "io.tenantchat.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTests {

    @ArchTest
    static final ArchRule domainAndApplicationUseNeitherSpringNorAws = noClasses()
            .that().resideInAnyPackage("..reply.domain..", "..reply.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                    "io.awspring..", "..adapter..", "..config..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheApplicationLayer = noClasses()
            .that().resideInAPackage("..reply.domain..")
            .should().dependOnClassesThat().resideInAPackage("..reply.application..");

    /** The model adapters share {@code adapter.out.model} (error classification, session ids); nothing else. */
    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = slices()
            .matching("io.tenantchat.worker.reply.adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAPackage("io.tenantchat.worker.reply.adapter.out.model"));

    @ArchTest
    static final ArchRule theSharedModelAdapterPartUsesNoAdapter = noClasses()
            .that().resideInAPackage("io.tenantchat.worker.reply.adapter.out.model")
            .should().dependOnClassesThat().resideInAnyPackage("io.tenantchat.worker.reply.adapter.in..",
                    "io.tenantchat.worker.reply.adapter.out.bedrock..", "io.tenantchat.worker.reply.adapter.out.openai..",
                    "io.tenantchat.worker.reply.adapter.out.bedrockagent..",
                    "io.tenantchat.worker.reply.adapter.out.agentcore..");

    @ArchTest
    static final ArchRule awsSdkStaysInAdaptersAndConfig = noClasses()
            .that().resideOutsideOfPackages("..adapter..", "..config..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..");

    private static final FeatureRules FEATURES = FeatureRules.under("io.tenantchat.worker");

    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesAdapters =
            FEATURES.noFeatureReachesIntoAnotherFeaturesAdapters();

    @ArchTest
    static final ArchRule adaptersUseOnlyTheirOwnFeaturesConfig = FEATURES.adaptersUseOnlyTheirOwnFeaturesConfig();
}
