package dev.warden.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own (the machine's {@code redis-server} binary on a free loopback port, with a
 * password, no persistence), so a test can kill it and start it again without touching the shared Redis other
 * tests use. Killing is {@code SIGKILL}: open connections break mid-call, as in a crash.
 */
public final class PrivateRedis implements AutoCloseable {
    private final int port;
    private final String password;
    private final Path directory;
    private Process process;

    private PrivateRedis(int port, String password, Path directory) {
        this.port = port;
        this.password = password;
        this.directory = directory;
    }

    public static PrivateRedis start(String password) {
        try {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var redis = new PrivateRedis(port, password, Files.createTempDirectory("warden-redis"));
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code redis://:password@127.0.0.1:port/0}. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port) and waits until it answers PING. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", "no", "--dir",
                    directory.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answersPing()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("redis-server did not start on port " + port + ": "
                            + Files.readString(directory.resolve("redis.log")));
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server at once and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean answersPing() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            var out = socket.getOutputStream();
            out.write(("AUTH " + password + "\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var reply = new StringBuilder();
            var in = socket.getInputStream();
            while (!reply.toString().contains("+PONG")) {
                int next = in.read();
                if (next < 0) {
                    return false;
                }
                reply.append((char) next);
            }
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        kill();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
