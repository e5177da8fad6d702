package cn.supervision.compliance.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.supervision.compliance.ComplianceApplication;

/**
 * The application as a separate JVM (the test classpath, the database URL given), so a test can SIGKILL it the way an
 * operating system or an operator would, and start it again on the same database.
 */
public final class ChildApplication implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the application in {@code directory} (its working directory: the embedded H2 database is {@code ./data}
     * there unless the arguments name another) on a free loopback port and waits until it answers its health check.
     * The rule-set folders are the repository's.
     */
    public static ChildApplication start(Path directory, Path log, String... extraArguments) {
        return startWithHeap("384m", directory, log, extraArguments);
    }

    /** {@link #start} with another maximum heap ({@code -Xmx}), for the benchmarks' national batch. */
    public static ChildApplication startWithHeap(String heap, Path directory, Path log, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), ComplianceApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--compliance.rules.decision-tables=" + Path.of("decision-tables").toAbsolutePath(),
                "--compliance.rules.drl=" + Path.of("rules").toAbsolutePath(),
                "--compliance.rules.watch.enabled=false"));
        command.addAll(List.of(extraArguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toAbsolutePath().toFile()).start();
            ChildApplication child = new ChildApplication(process, port);
            child.awaitHealthy(log);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the application process", e);
        }
    }

    public int port() {
        return port;
    }

    /** The process id, as the JVM names itself ({@code pid@host}) in what it records. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no connection pool close, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                kill();
            }
        }
    }

    private void awaitHealthy(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
