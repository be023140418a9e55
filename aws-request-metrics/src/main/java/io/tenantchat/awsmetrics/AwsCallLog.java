package io.tenantchat.awsmetrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Appends each distinct {@code service<TAB>operation<TAB>resource<TAB>signer} line ({@link AwsCallSigner}) this JVM's AWS calls produce to a file, so
 * a test can hold what the code really called against the IAM roles in infra/terraform. Several JVMs may append to
 * the same file: each write holds the file's lock. Off unless {@value #PROPERTY} (or {@value #ENVIRONMENT}) names
 * the file; a failed write is reported once on stderr and never fails the AWS call.
 */
final class AwsCallLog {

    static final String PROPERTY = "tenantchat.aws-call-log";
    static final String ENVIRONMENT = "TENANTCHAT_AWS_CALL_LOG";

    /** The log this JVM was started with ({@value #PROPERTY} or {@value #ENVIRONMENT}), or null. */
    static final @Nullable AwsCallLog OF_THIS_JVM = fromEnvironment();

    private final Path file;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile boolean failed;

    AwsCallLog(Path file) {
        this.file = file;
    }

    /** The log the JVM's settings name, or null when none does. */
    static @Nullable AwsCallLog fromEnvironment() {
        String file = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return file == null || file.isBlank() ? null : new AwsCallLog(Path.of(file));
    }

    void record(String service, String operation, String resource, String signer) {
        String line = service + "\t" + operation + "\t" + resource + "\t" + signer;
        if (written.add(line)) {
            append(line + "\n");
        }
    }

    private void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            if (!failed) {
                failed = true;
                System.err.println("tenantchat: cannot append to the AWS call log " + file + ": " + e);
            }
        }
    }
}
