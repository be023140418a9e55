package io.tenantchat.localstack.launcher;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The local-stack jar's entry point (dev only): {@code run} (default) starts the whole system on this machine;
 * {@code create-test-user --tenant <id> --email <email> [--password <pw>]} prints a user's tokens as JSON.
 * Both work in the current directory, which must be the repository root.
 */
public final class RunLocal {

    private RunLocal() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        Path repoRoot = Path.of("").toAbsolutePath();
        try {
            switch (command) {
                case "run" -> RunCommand.run(repoRoot, System.out);
                case "create-test-user" ->
                        CreateTestUserCommand.run(CreateTestUserArgs.parse(rest), System.getenv(), repoRoot, System.out);
                default -> throw new IllegalArgumentException("unknown command '" + command
                        + "'; commands: run, create-test-user");
            }
        } catch (IllegalArgumentException e) {
            fail(2, e);
        } catch (RuntimeException e) {
            fail(1, e);
        }
    }

    private static void fail(int status, RuntimeException e) {
        System.err.println("error: " + e.getMessage());
        System.exit(status);
    }
}
