package dev.vigil.cli;

import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab cluster this JVM runs for a command-line test, which `vigil` finds on disk as {@code lab:<name>} like a
 * lab from `vigil lab up`, with an inventory file that does not exist (so the lab is all it finds). Open it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}. {@code config} is the inventory every command is given: absent.
 */
public record CliLab(Lab lab, LabCluster cluster, Path config) implements AutoCloseable {
    /** {@code lab:<name>}, as a command names the cluster. */
    public String name() {
        return "lab:" + cluster.name();
    }

    /** A lab cluster {@code name} of a primary and {@code standbys} standbys; the absent inventory is in {@code dir}. */
    public static CliLab open(String name, int standbys, Path dir) {
        Lab lab = Lab.open();
        try {
            return new CliLab(lab, lab.createCluster(name, standbys), dir.resolve("none.yaml"));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * `vigil {@code before} --cluster lab:<name> --config <absent> {@code after}` in-process, printed with its exit
     * code and output for the test log.
     */
    public CliRun vigil(List<String> before, List<String> after) {
        List<String> all = new ArrayList<>(before);
        all.addAll(List.of("--cluster", name(), "--config", config.toString()));
        all.addAll(after);
        CliRun run = CliRun.vigil(all);
        System.out.println("[cli] vigil " + String.join(" ", all) + " -> " + run.exit() + "\n" + run.out() + run.err());
        return run;
    }

    @Override
    public void close() {
        lab.close();
    }
}
