package io.tenantchat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of the documentation (README.md, docs/**, the modules' README.md) points at a file that
 * exists and, with {@code #anchor}, at a heading of it: moving a section or a page must move its links too.
 */
class DocumentationLinksTests {

    static final Path ROOT = Path.of(System.getProperty("tenantchat.repository-root", "..")).toAbsolutePath().normalize();

    private final MarkdownLinks links = new MarkdownLinks();

    @Test
    void everyRelativeLinkOfReadmeAndDocsResolves() throws IOException {
        List<Path> pages = documentation();
        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/architecture.md"),
                ROOT.resolve("docs/services/worker-service.md"));

        List<MarkdownLinks.Broken> broken = new ArrayList<>();
        pages.forEach(page -> broken.addAll(links.broken(page)));

        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void reportsALinkToAFileThatDoesNotExist(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n");
        Path page = Files.writeString(dir.resolve("page.md"), "See [other](other.md) and [gone](docs/gone.md).\n");

        assertThat(links.broken(page)).singleElement().satisfies(b -> {
            assertThat(b.target()).isEqualTo("docs/gone.md");
            assertThat(b.line()).isEqualTo(1);
        });
    }

    @Test
    void reportsALinkToAHeadingThatDoesNotExist(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## The test bed\n");
        Path page = Files.writeString(dir.resolve("page.md"), """
                # Page

                [bed](other.md#the-test-bed), [here](#page), [moved](other.md#performance-and-fault-tolerance),
                [self](#nowhere)
                """);

        assertThat(links.broken(page)).extracting(MarkdownLinks.Broken::target)
                .containsExactly("other.md#performance-and-fault-tolerance", "#nowhere");
    }

    @Test
    void leavesUrlsAndLinksInsideCodeAlone(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), """
                [AWS](https://aws.amazon.com/), [mail](mailto:ops@example.com), `[not a link](gone.md)`

                ```markdown
                [also not a link](gone.md)
                ```
                ![image](missing.png)
                """);

        assertThat(links.broken(page)).extracting(MarkdownLinks.Broken::target).containsExactly("missing.png");
    }

    @Test
    void anchorsFollowGitHubsRules(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), """
                ## 1. Token verification (`api-service` `identity`, `config/SecurityConfig`)
                ### Reply stream (Redis, optional: `tenantchat.stream.redis.enabled`)
                ### Tenants: `TENANTS_TABLE` (default `tenants`), hash `tenant_id` (S), range `sk` (S)
                ## Settings
                ## Settings
                ```
                # not a heading
                ```
                """);

        assertThat(links.anchorsOf(page)).containsExactly(
                "1-token-verification-api-service-identity-configsecurityconfig",
                "reply-stream-redis-optional-tenantchatstreamredisenabled",
                "tenants-tenants_table-default-tenants-hash-tenant_id-s-range-sk-s",
                "settings", "settings-1");
    }

    /** README.md, every Markdown file under docs/, and each module's README.md. */
    static List<Path> documentation() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(pages::add);
        }
        return pages;
    }
}
