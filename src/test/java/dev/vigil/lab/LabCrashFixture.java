package dev.vigil.lab;

import java.nio.file.Path;

/** Run in a child JVM by {@link LabLeftoverCleanupTest}: starts a lab, reports it, then waits to be killed. */
public final class LabCrashFixture {
    private LabCrashFixture() {}

    public static void main(String[] args) throws InterruptedException {
        Lab lab = Lab.open(new LabSettings(Path.of(args[0]), java.util.Optional.empty()));
        LabCluster cluster = lab.createCluster("crash", 0);
        System.out.println("READY " + lab.dir() + " " + cluster.node("pg1").dataDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
