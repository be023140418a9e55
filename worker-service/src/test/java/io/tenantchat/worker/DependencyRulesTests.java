package io.tenantchat.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.tenantchat.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTests {

    @ArchTest
    static final ArchRule domainAndApplicationUseNeitherSpringNorAws = noClasses()
            .that().resideInAnyPackage("..reply.domain..", "..reply.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                    "io.awspring..", "..adapter..", "io.tenantchat.worker.config..");

    @ArchTest
    static final ArchRule domainDoesNotUseTheApplicationLayer = noClasses()
            .that().resideInAPackage("..reply.domain..")
            .should().dependOnClassesThat().resideInAPackage("..reply.application..");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = slices()
            .matching("io.tenantchat.worker.reply.adapter.(*).(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule awsSdkStaysInAdaptersAndConfig = noClasses()
            .that().resideOutsideOfPackages("..adapter..", "io.tenantchat.worker.config..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..");
}
