package io.tenantchat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks, so a stand-in never starts on a port that an old instance still holds. */
public final class Ports {

    private Ports() {}

    /** A port that was free on every interface a moment ago. */
    public static int free() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = ephemeral();
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    /** Returns {@code port}, or fails loudly when anything listens on it. */
    public static int requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " is already in use (an old instance still running?)");
        }
        return port;
    }

    /** Whether nothing listens on {@code port}, on any interface. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on {@code 127.0.0.1:port}. */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
