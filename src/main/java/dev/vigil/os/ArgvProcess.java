package dev.vigil.os;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way Vigil runs another program (node control commands, the lab's PostgreSQL tools, the keyring): one
 * argument vector, never through a shell, within a time limit. At the limit the process and its descendants are
 * asked to stop, then killed. Its output (with standard error, unless that is discarded) is read as it comes and
 * only its tail is kept, so a chatty command cannot fill the heap nor block on a full pipe.
 */
public final class ArgvProcess {
    public static final int TAIL_BYTES = 64 * 1024;
    /** How long to wait after a terminate signal before the kill, and for output after the command exits. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** How a run ended: an exit code, or timed out (exit code -1); and the tail of what it printed. */
    public record Result(int exitCode, boolean timedOut, String output) {}

    private final List<String> argv;
    private final Map<String, String> environment;
    private final Path directory;
    private final boolean discardErrors;

    private ArgvProcess(List<String> argv, Map<String, String> environment, Path directory, boolean discardErrors) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("an argument vector needs at least the program");
        }
        this.argv = List.copyOf(argv);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.discardErrors = discardErrors;
    }

    public static ArgvProcess of(List<String> argv) {
        return new ArgvProcess(argv, Map.of(), null, false);
    }

    /** Runs {@code argv} with Vigil's environment, standard error read with the output. */
    public static Result run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        return of(argv).run(timeout);
    }

    /** With these variables added to the environment. */
    public ArgvProcess environment(Map<String, String> extra) {
        return new ArgvProcess(argv, extra, directory, discardErrors);
    }

    /** Started in {@code dir} (null: Vigil's own working directory). */
    public ArgvProcess directory(Path dir) {
        return new ArgvProcess(argv, environment, dir, discardErrors);
    }

    /** Standard error is thrown away: for a program whose output is a value (a secret), not a message. */
    public ArgvProcess discardErrors() {
        return new ArgvProcess(argv, environment, directory, true);
    }

    /**
     * @throws IOException          when the program cannot be started (not found, not executable)
     * @throws InterruptedException after the process tree was stopped
     */
    public Result run(Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (discardErrors) {
            builder.redirectError(Redirect.DISCARD);
        } else {
            builder.redirectErrorStream(true);
        }
        builder.environment().putAll(environment);
        // English messages, so pg_controldata's labels and the errors quoted to the operator are the documented ones.
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        Tail tail = new Tail(TAIL_BYTES);
        Thread reader = new Thread(() -> tail.drain(process.getInputStream()), "vigil-process-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stopTree(process);
            throw e;
        }
        if (!finished) {
            stopTree(process);
        }
        // A server started without a log file keeps the pipe open after the command itself has exited.
        reader.join(GRACE.toMillis());
        return new Result(finished ? process.exitValue() : -1, !finished, tail.text());
    }

    private static void stopTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@code capacity} bytes written to it. */
    static final class Tail {
        private final byte[] ring;
        private long written;

        Tail(int capacity) {
            ring = new byte[capacity];
        }

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    append(buffer, n);
                }
            } catch (IOException e) {
                // The stream closes under us when the process is killed; what was read so far is what there is.
            }
        }

        synchronized void append(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                ring[(int) (written++ % ring.length)] = bytes[i];
            }
        }

        synchronized String text() {
            if (written <= ring.length) {
                return new String(ring, 0, (int) written, StandardCharsets.UTF_8);
            }
            int start = (int) (written % ring.length);
            byte[] ordered = new byte[ring.length];
            System.arraycopy(ring, start, ordered, 0, ring.length - start);
            System.arraycopy(ring, 0, ordered, ring.length - start, start);
            return "[" + (written - ring.length) + " earlier bytes not kept]\n"
                    + new String(ordered, StandardCharsets.UTF_8);
        }
    }
}
