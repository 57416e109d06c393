package dev.vigil.locks;

import java.util.Set;

/**
 * A root blocker (waits on nothing, holds others up) and everyone held up behind it, directly or through others.
 */
public record BlockingTree(int root, int directlyBlocked, Set<Integer> blocked) {
    public BlockingTree {
        blocked = Set.copyOf(blocked);
    }

    /** Sessions held up, directly and transitively. */
    public int size() {
        return blocked.size();
    }
}
