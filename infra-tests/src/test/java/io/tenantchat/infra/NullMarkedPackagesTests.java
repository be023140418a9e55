package io.tenantchat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package of the production code is {@code @NullMarked} in its package-info.java, so NullAway (run by the
 * compiler in every module's main compile, root pom) checks it: a package without the mark would be skipped silently.
 * The stand-ins, test support, bench and tests are not production code and are not checked.
 */
class NullMarkedPackagesTests {

    static final List<String> PRODUCTION_MODULES = List.of("shared-model", "observability", "aws-request-metrics", "api-service",
            "worker-service", "usage-aggregator");

    @Test
    void everyProductionPackageIsNullMarked() {
        List<Path> sourceRoots = PRODUCTION_MODULES.stream()
                .map(module -> DocumentationLinksTests.ROOT.resolve(module).resolve("src/main/java")).toList();
        assertThat(sourceRoots).allMatch(Files::isDirectory);

        assertThat(unmarkedPackages(sourceRoots)).as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    @Test
    void reportsAPackageWithoutPackageInfoAndOneWithoutTheMark(@TempDir Path root) throws IOException {
        Path marked = Files.createDirectories(root.resolve("io/example/marked"));
        Files.writeString(marked.resolve("A.java"), "package io.example.marked;\nclass A {}\n");
        Files.writeString(marked.resolve("package-info.java"),
                "@NullMarked\npackage io.example.marked;\n\nimport org.jspecify.annotations.NullMarked;\n");
        Path noInfo = Files.createDirectories(root.resolve("io/example/noinfo"));
        Files.writeString(noInfo.resolve("B.java"), "package io.example.noinfo;\nclass B {}\n");
        Path unmarked = Files.createDirectories(root.resolve("io/example/unmarked"));
        Files.writeString(unmarked.resolve("C.java"), "package io.example.unmarked;\nclass C {}\n");
        Files.writeString(unmarked.resolve("package-info.java"), "/** Not marked. */\npackage io.example.unmarked;\n");

        assertThat(unmarkedPackages(List.of(root))).containsExactly("io/example/noinfo", "io/example/unmarked");
    }

    /** Directories (relative to their source root) holding Java sources whose package-info lacks {@code @NullMarked}. */
    static TreeSet<String> unmarkedPackages(List<Path> sourceRoots) {
        TreeSet<String> unmarked = new TreeSet<>();
        for (Path sourceRoot : sourceRoots) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(file -> file.toString().endsWith(".java")).map(Path::getParent).distinct()
                        .filter(dir -> !isMarked(dir.resolve("package-info.java")))
                        .forEach(dir -> unmarked.add(sourceRoot.relativize(dir).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return unmarked;
    }

    private static boolean isMarked(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
