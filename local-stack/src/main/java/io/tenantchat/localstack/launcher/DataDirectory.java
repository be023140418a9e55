package io.tenantchat.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the stand-ins keep their data: a given directory kept across runs (locked, so that two local stacks never
 * share one DynamoDB file), or a temporary one (with in-memory DynamoDB) deleted on close.
 */
final class DataDirectory implements AutoCloseable {

    private final Path dataDir;
    private final Path logDir;
    private final FileLock lock;

    private DataDirectory(Path dataDir, Path logDir, FileLock lock) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.lock = lock;
    }

    static DataDirectory of(LocalSystem.Options options) {
        if (options.dataDir() == null) {
            Path logDir = options.logDir() != null ? options.logDir() : Path.of("target", "service-logs");
            return new DataDirectory(createTemporary(), create(logDir.toAbsolutePath()), null);
        }
        Path dataDir = create(options.dataDir().toAbsolutePath());
        Path logDir = options.logDir() != null ? options.logDir() : dataDir.resolve("logs");
        return new DataDirectory(dataDir, create(logDir.toAbsolutePath()), lock(dataDir));
    }

    Path dataDir() {
        return dataDir;
    }

    Path logDir() {
        return logDir;
    }

    /** The SQLite file of dynoxide, or null (in-memory) for a temporary directory. */
    Path dynamoDbFile() {
        return temporary() ? null : dataDir.resolve("dynamodb.sqlite");
    }

    Path cognitoDir() {
        return dataDir.resolve("cognito");
    }

    @Override
    public void close() throws IOException {
        if (temporary()) {
            deleteRecursively(dataDir);
        } else {
            lock.channel().close();
        }
    }

    private boolean temporary() {
        return lock == null;
    }

    private static FileLock lock(Path dataDir) {
        try {
            FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another local stack is running on " + dataDir + ": stop it first");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static Path createTemporary() {
        try {
            return Files.createTempDirectory("tenantchat-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }
}
