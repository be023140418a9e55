package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.localstack.provision.TestUsers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the whole system on fixed ports with data in {@code .local/}, two demo tenants, until Ctrl-C. */
final class RunCommand {

    static final List<String> DEMO_TENANTS = List.of("tenant-001", "tenant-002");

    private RunCommand() {}

    static void run(Path repoRoot, PrintStream out) throws InterruptedException {
        LocalSystem system = LocalSystem.start(new LocalSystem.Options(repoRoot.resolve(".local"), true, repoRoot));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(repoRoot.resolve(StackFile.LOCATION))));
        List<TestUser> users = DEMO_TENANTS.stream().map(tenant -> system.user(tenant, "user@" + tenant + ".example"))
                .toList();
        StackFile.of(system).write(repoRoot);
        out.print(Banner.of(system, users));
        out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hooks stop everything
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale stack.json is detected by create-test-user anyway
        }
    }

    /** What a developer needs after start-up: users, tokens, the URL and a request to paste. */
    static final class Banner {

        private Banner() {}

        static String of(LocalSystem system, List<TestUser> users) {
            StringBuilder text = new StringBuilder(System.lineSeparator())
                    .append("TenantChat runs locally on stand-ins for AWS (data in ").append(system.dataDir())
                    .append(", service logs in ").append(system.logDir()).append(')').append(System.lineSeparator());
            users.forEach(user -> text.append(user(user)));
            String api = system.apiBaseUrl().toString();
            return text.append(System.lineSeparator()).append(api).append(System.lineSeparator())
                    .append(System.lineSeparator()).append(curlExample(api, users.get(0)))
                    .append(System.lineSeparator()).append("More users: scripts/create-test-user.sh --tenant <id>")
                    .append(" --email <email>").append(System.lineSeparator()).append("Stop with Ctrl-C.")
                    .append(System.lineSeparator()).toString();
        }

        private static String user(TestUser user) {
            return String.format("%n  tenant    %s%n  email     %s%n  password  %s%n  user id   %s%n  ID token  %s%n",
                    user.tenantId(), user.email(), TestUsers.DEV_PASSWORD, user.userId(), user.idToken());
        }

        private static String curlExample(String api, TestUser user) {
            return String.format("Try it (as %1$s):%n"
                    + "  TOKEN='%2$s'%n"
                    + "  SESSION=$(curl -s -X POST %3$s/api/sessions -H \"Authorization: Bearer $TOKEN\" "
                    + "| sed 's/.*\"session_id\":\"\\([^\"]*\\)\".*/\\1/')%n"
                    + "  curl -s -X POST %3$s/api/chat -H \"Authorization: Bearer $TOKEN\" "
                    + "-H 'Content-Type: application/json' "
                    + "-d '{\"message\":\"Hello!\",\"tenant_context\":{\"session_id\":\"'\"$SESSION\"'\"}}'%n"
                    + "  curl -s %3$s/api/sessions/$SESSION/messages -H \"Authorization: Bearer $TOKEN\"%n",
                    user.email(), user.idToken(), api);
        }
    }
}
