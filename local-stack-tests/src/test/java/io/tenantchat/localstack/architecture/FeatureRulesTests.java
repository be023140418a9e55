package io.tenantchat.localstack.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRulesTests {

    private static final String ROOT = "io.tenantchat.localstack.architecture.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void refusesAFeatureThatReachesIntoAnotherFeaturesAdapter() {
        List<String> details = FeatureRules.under(ROOT).noFeatureReachesIntoAnotherFeaturesAdapters()
                .evaluate(FIXTURE).getFailureReport().getDetails();

        assertThat(details).isNotEmpty().allMatch(line -> line.contains("AlphaService") && line.contains("BetaStore"));
    }

    @Test
    void refusesAnAdapterUsingTheCentralConfigOrAnotherFeaturesConfig() {
        List<String> details = FeatureRules.under(ROOT).adaptersUseOnlyTheirOwnFeaturesConfig()
                .evaluate(FIXTURE).getFailureReport().getDetails();

        assertThat(details).anyMatch(line -> line.contains("AlphaStore") && line.contains("CentralProperties"))
                .anyMatch(line -> line.contains("AlphaStore") && line.contains("BetaProperties"))
                .noneMatch(line -> line.contains("of type <" + ROOT + ".alpha.config.AlphaProperties>")
                        || line.contains("calls method <" + ROOT + ".alpha.config.AlphaProperties."))
                .noneMatch(line -> line.contains("BetaStore"));
    }

    @Test
    void leavesOutADependencyNamedAsAllowed() {
        assertThat(FeatureRules.under(ROOT).allowing("AlphaService", "BetaStore")
                .noFeatureReachesIntoAnotherFeaturesAdapters().evaluate(FIXTURE).hasViolation()).isFalse();
    }
}
