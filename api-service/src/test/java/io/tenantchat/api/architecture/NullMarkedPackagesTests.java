package io.tenantchat.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every production package of api-service is {@code @NullMarked} in its {@code package-info.java}, so NullAway
 * checks it when the module compiles (root pom, {@code OnlyNullMarked}). The packages not migrated yet are listed
 * by name; the test fails as well when one of them gets the mark, so the list only ever shrinks.
 */
class NullMarkedPackagesTests {

    @Test
    void everyMainPackageIsNullMarked() {
        JavaClasses main = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.tenantchat.api");

        assertThat(unmarkedPackages(main)).as("api-service packages whose package-info lacks @NullMarked").isEmpty();
    }

    @Test
    void findsAPackageWithoutTheMark() {
        JavaClasses unmarked = new ClassFileImporter().importPackages("io.tenantchat.api.architecture.violations");

        assertThat(unmarkedPackages(unmarked)).containsExactly("io.tenantchat.api.architecture.violations",
                "io.tenantchat.api.architecture.violations.adapter.out.dynamodb");
    }

    @Test
    void acceptsAMarkedPackage() {
        JavaClasses marked = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.tenantchat.api.error");

        assertThat(unmarkedPackages(marked)).isEmpty();
    }

    private static Set<String> unmarkedPackages(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackage)
                .filter(javaPackage -> !javaPackage.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
