package dev.vigil.cluster.inventory;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.PasswordLookup;
import java.util.ArrayList;
import java.util.List;

/** The clusters to watch and what was wrong while finding them. */
public record Inventory(List<ClusterDefinition> clusters, List<InventoryProblem> problems,
                        java.util.Map<String, Double> alertOverrides) {
    public Inventory {
        clusters = List.copyOf(clusters);
        problems = List.copyOf(problems);
        alertOverrides = java.util.Map.copyOf(alertOverrides);
    }

    public Inventory(List<ClusterDefinition> clusters, List<InventoryProblem> problems) {
        this(clusters, problems, java.util.Map.of());
    }

    /** The configured clusters (if the file exists) and the labs running for this user. */
    public static Inventory discover(java.nio.file.Path config, java.nio.file.Path labBase) {
        Inventory fromFile = java.nio.file.Files.exists(config)
                ? InventoryFile.load(config, PasswordLookup.standard()) : empty();
        return fromFile.plus(LabInventory.running(labBase));
    }

    public static Inventory empty() {
        return new Inventory(List.of(), List.of());
    }

    /** Both together; a cluster name already taken keeps its first definition and the second is reported. */
    public Inventory plus(Inventory other) {
        List<ClusterDefinition> merged = new ArrayList<>(clusters);
        List<InventoryProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        for (ClusterDefinition c : other.clusters) {
            if (merged.stream().anyMatch(m -> m.name().equals(c.name()))) {
                allProblems.add(new InventoryProblem(InventoryProblem.Severity.ERROR, "cluster " + c.name(),
                        "defined twice; the second definition is ignored. Rename one of them."));
            } else {
                merged.add(c);
            }
        }
        java.util.Map<String, Double> overrides = new java.util.HashMap<>(alertOverrides);
        overrides.putAll(other.alertOverrides);
        return new Inventory(merged, allProblems, overrides);
    }
}
