package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeFencesTest {
    @TempDir
    Path dir;

    @Test
    void marksAndClearsPerClusterAndNode() {
        NodeFences fences = NodeFences.besideJournal(dir.resolve("journal.jsonl"));
        fences.mark("shop", "pg1", "failover to pg2 at 10:15");
        fences.mark("billing", "pg1", "failover to pg3");
        assertThat(fences.fenced("shop")).containsExactly(java.util.Map.entry("pg1", "failover to pg2 at 10:15"));
        assertThat(new NodeFences(dir.resolve("fenced-nodes.properties")).reason("billing", "pg1"))
                .as("a later session reads it back").contains("failover to pg3");
        fences.clear("shop", "pg1");
        assertThat(fences.fenced("shop")).isEmpty();
        assertThat(fences.fenced("billing")).containsOnlyKeys("pg1");
    }

    /** Two writers of one file (as a console and a CLI are) lose none of each other's changes. */
    @Test
    void concurrentWritersOfTheSameFileLoseNothing() throws Exception {
        Path file = dir.resolve("fenced-nodes.properties");
        NodeFences console = new NodeFences(file);
        NodeFences cli = new NodeFences(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                NodeFences fences = w % 2 == 0 ? console : cli;
                String cluster = "c" + w;
                writers.add(CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int n = 0; n < 25; n++) {
                        fences.mark(cluster, "pg" + n, "test");
                        if (n % 5 == 0) {
                            fences.clear(cluster, "pg" + n);
                        }
                    }
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (int w = 0; w < 4; w++) {
            assertThat(console.fenced("c" + w)).as("cluster c" + w).hasSize(20).doesNotContainKeys("pg0", "pg5");
        }
    }
}
