package dev.vigil.bench.ui;

import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.shell.StartupSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Launch to live data on the demo lab, the path a newcomer takes: the window's {@link StartupSource} finds no
 * cluster configured and no lab running (a private, empty lab directory), starts a demo lab, and the window
 * shows its first sample in which every node is reachable. Times are wall-clock milliseconds since the epoch.
 */
final class LaunchBench {
    private LaunchBench() {}

    record Report(long jvmStart, long benchMain, long toolkitUp, long windowShown, long openStarted, long openReturned,
                  long live, String source, int reachable, int nodes, List<String> leftoverServers) {

        long total() {
            return live - jvmStart;
        }
    }

    static Report run(FxSession fx, long benchMain, long toolkitUp, long jvmStart, Path workDir, Duration timeout) {
        Path labs = workDir.resolve("labs");
        TimedOpen source = new TimedOpen(new StartupSource(workDir.resolve("clusters.yaml"),
                new LabSettings(labs, Optional.empty())));
        CompletableFuture<ClusterSample> live = new CompletableFuture<>();
        long[] shown = new long[1];
        long[] liveAt = new long[1];
        BenchWindow window = BenchWindow.open(fx, source, BenchWindow.layout(ConsoleView.OVERVIEW,
                Duration.ofMinutes(5)), workDir.resolve("launch-journal.jsonl"), false, vm -> {
                    shown[0] = System.currentTimeMillis();
                    vm.shownSampleProperty().addListener((o, a, sample) -> {
                        if (!live.isDone() && sample != null && !sample.nodes().isEmpty()
                                && sample.nodes().stream().allMatch(n -> n.status().isUp())) {
                            liveAt[0] = System.currentTimeMillis();
                            live.complete(sample);
                        }
                    });
                });
        ClusterSample first;
        String description;
        try {
            first = live.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            description = source.description();
        } catch (TimeoutException e) {
            throw new IllegalStateException("No sample with every node reachable within " + timeout.toSeconds()
                    + " s: " + window.vm().phaseMessageProperty().get(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            window.close(); // stops the demo lab's servers
        }
        return new Report(jvmStart, benchMain, toolkitUp, shown[0], source.openStarted, source.openReturned,
                liveAt[0], description, (int) first.nodes().stream().filter(n -> n.status().isUp()).count(),
                first.nodes().size(), serversUnder(labs));
    }

    /** PostgreSQL processes whose command line names a directory under {@code dir}: should be none after close. */
    static List<String> serversUnder(Path dir) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                        } catch (IOException vanished) {
                            return "";
                        }
                    })
                    .filter(cmd -> cmd.contains("postgres") && cmd.contains(dir.toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
    }

    /** The real source, with the time its open (inventory, demo lab start, monitor start) began and returned. */
    private static final class TimedOpen implements ClusterSource {
        private final ClusterSource delegate;
        private volatile long openStarted;
        private volatile long openReturned;

        TimedOpen(ClusterSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<SampleFeed> open() throws Exception {
            openStarted = System.currentTimeMillis();
            try {
                return delegate.open();
            } finally {
                openReturned = System.currentTimeMillis();
            }
        }

        @Override
        public Map<String, Double> alertOverrides() {
            return delegate.alertOverrides();
        }

        @Override
        public String description() {
            return delegate.description();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
