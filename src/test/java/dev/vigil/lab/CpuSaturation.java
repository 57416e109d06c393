package dev.vigil.lab;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Both CPUs (every CPU) busy for as long as a test holds this: one busy process per CPU, hashing /dev/zero
 * forever (an argument vector, no shell), plus a pgbench-like load on a lab cluster from {@link Workload}, more
 * than the machine can serve. What issue 11 saw: logins slow, samples late, and Vigil must still tell the truth.
 */
public final class CpuSaturation implements AutoCloseable {
    private final List<Process> busy = new ArrayList<>();
    private final Workload workload;

    private CpuSaturation(LabCluster cluster, Workload.Settings load) {
        int cpus = Math.max(2, Runtime.getRuntime().availableProcessors());
        try {
            for (int i = 0; i < cpus; i++) {
                busy.add(new ProcessBuilder("sha256sum", "/dev/zero")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
        } catch (IOException e) {
            close();
            throw new LabException("Could not start a busy process (sha256sum /dev/zero): " + e.getMessage(), e);
        }
        this.workload = cluster == null ? null : Workload.start(cluster, load);
    }

    /** Busy processes and a heavy workload on {@code cluster}'s primary. */
    public static CpuSaturation of(LabCluster cluster) {
        return new CpuSaturation(cluster, new Workload.Settings(3_000, 0.5, 8));
    }

    public int busyProcesses() {
        return (int) busy.stream().filter(Process::isAlive).count();
    }

    /** The load's transactions so far (it keeps the primary busy; the count shows it ran). */
    public long transactions() {
        return workload == null ? 0 : workload.transactions();
    }

    @Override
    public void close() {
        if (workload != null) {
            workload.close();
        }
        for (Process p : busy) {
            p.destroyForcibly();
        }
        for (Process p : busy) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
