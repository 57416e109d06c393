package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    @Test
    void aBurstBeforeTheUiRunsBecomesOneUpdateWithTheNewestValue() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> applied = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(queued::add, applied::add);
        coalescer.offer(1);
        coalescer.offer(2);
        coalescer.offer(3);
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(applied).containsExactly(3);

        coalescer.offer(4);
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(applied).containsExactly(3, 4);
    }
}
