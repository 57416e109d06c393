package dev.vigil.locks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wait-for graph turned into a forest a layered drawing can follow. Sessions are numbered in first-seen order
 * (index 0 was seen first), and every list here is in that order, which is what keeps the drawing stable.
 *
 * <p>Cycles are broken by a depth-first walk from the root blockers down to their waiters; an edge that leads back
 * to a session still on the walk is a back edge. Without back edges the graph is acyclic, and each session's layer is
 * its longest wait chain to a root, so every remaining edge points upwards. A session's primary parent is a blocker
 * one layer up; its other blockers are drawn as extra ("cross") edges.
 */
final class LockGraphLayoutForest {
    final int size;
    final int[] pid;
    final int[][] blockers;
    final int[][] waiters;
    final boolean[] inCycle;
    final boolean[] backEdgeWaiter;
    final int[] layer;
    final int[] parent;
    final int[][] children;
    final List<int[]> components;
    /** {@code edgeTo[w][k]} is the edge from {@code w} to {@code blockers[w][k]}; {@code back[w][k]} if it closes a cycle. */
    final WaitEdge[][] edgeTo;
    private final boolean[][] back;

    /** {@code ordered} are all sessions of the graph, first seen first. */
    LockGraphLayoutForest(List<Integer> ordered, Set<WaitEdge> edges, List<Set<Integer>> cycles) {
        size = ordered.size();
        pid = ordered.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < size; i++) {
            index.put(pid[i], i);
        }
        List<List<WaitEdge>> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new ArrayList<>(1));
        }
        List<List<Integer>> waiterLists = lists(size);
        for (WaitEdge e : edges) {
            out.get(index.get(e.waiter())).add(e);
            waiterLists.get(index.get(e.blocker())).add(index.get(e.waiter()));
        }
        blockers = new int[size][];
        edgeTo = new WaitEdge[size][];
        back = new boolean[size][];
        for (int w = 0; w < size; w++) {
            List<WaitEdge> mine = out.get(w);
            mine.sort(Comparator.comparing(e -> index.get(e.blocker())));
            edgeTo[w] = mine.toArray(WaitEdge[]::new);
            blockers[w] = new int[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                blockers[w][k] = index.get(mine.get(k).blocker());
            }
            back[w] = new boolean[mine.size()];
        }
        waiters = sortedArrays(waiterLists);
        inCycle = new boolean[size];
        cycles.forEach(set -> set.forEach(p -> {
            Integer i = index.get(p);
            if (i != null) {
                inCycle[i] = true;
            }
        }));
        backEdgeWaiter = new boolean[size];
        findBackEdges();
        layer = longestPathLayers();
        parent = primaryParents();
        children = childrenOf();
        components = weakComponents();
    }

    boolean isBackEdge(int waiter, int blocker) {
        return back[waiter][slot(waiter, blocker)];
    }

    WaitEdge edge(int waiter, int blocker) {
        return edgeTo[waiter][slot(waiter, blocker)];
    }

    private int slot(int waiter, int blocker) {
        for (int k = 0; k < blockers[waiter].length; k++) {
            if (blockers[waiter][k] == blocker) {
                return k;
            }
        }
        throw new IllegalArgumentException(pid[waiter] + " does not wait on " + pid[blocker]);
    }

    boolean isRoot(int i) {
        return blockers[i].length == 0;
    }

    /** Nobody waits on it: it may share a grid row with its siblings. */
    boolean isLeaf(int i) {
        return waiters[i].length == 0;
    }

    /** Top of one of the forest's trees: a root blocker, or the session where a cycle is cut open. */
    boolean startsTree(int i) {
        return parent[i] < 0;
    }

    private void findBackEdges() {
        int[] state = new int[size]; // 0 not seen, 1 on the walk, 2 done
        for (int i = 0; i < size; i++) {
            if (isRoot(i)) {
                walk(i, state);
            }
        }
        // Whatever no root reaches waits, through some chain, on a cycle: cut each cycle open at its oldest member.
        for (int i = 0; i < size; i++) {
            if (state[i] == 0 && inCycle[i]) {
                walk(i, state);
            }
        }
        for (int i = 0; i < size; i++) {
            if (state[i] == 0) {
                walk(i, state);
            }
        }
    }

    private void walk(int start, int[] state) {
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {start, 0});
        state[start] = 1;
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int blocker = top[0];
            if (top[1] < waiters[blocker].length) {
                int waiter = waiters[blocker][top[1]++];
                if (state[waiter] == 1) {
                    back[waiter][slot(waiter, blocker)] = true;
                    backEdgeWaiter[waiter] = true;
                } else if (state[waiter] == 0) {
                    state[waiter] = 1;
                    stack.push(new int[] {waiter, 0});
                }
            } else {
                state[blocker] = 2;
                stack.pop();
            }
        }
    }

    private int[] longestPathLayers() {
        int[] layers = new int[size];
        int[] pending = new int[size];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int w = 0; w < size; w++) {
            for (int b : blockers[w]) {
                if (!isBackEdge(w, b)) {
                    pending[w]++;
                }
            }
            if (pending[w] == 0) {
                ready.add(w);
            }
        }
        while (!ready.isEmpty()) {
            int b = ready.poll();
            for (int w : waiters[b]) {
                if (!isBackEdge(w, b)) {
                    layers[w] = Math.max(layers[w], layers[b] + 1);
                    if (--pending[w] == 0) {
                        ready.add(w);
                    }
                }
            }
        }
        return layers;
    }

    private int[] primaryParents() {
        int[] parents = new int[size];
        Arrays.fill(parents, -1);
        for (int w = 0; w < size; w++) {
            for (int b : blockers[w]) { // first seen first, so the oldest blocker one layer up wins
                if (!isBackEdge(w, b) && layer[b] == layer[w] - 1) {
                    parents[w] = b;
                    break;
                }
            }
        }
        return parents;
    }

    private int[][] childrenOf() {
        List<List<Integer>> lists = lists(size);
        for (int w = 0; w < size; w++) {
            if (parent[w] >= 0) {
                lists.get(parent[w]).add(w);
            }
        }
        int[][] result = new int[size][];
        for (int b = 0; b < size; b++) {
            List<Integer> kids = lists.get(b); // already in first-seen order
            result[b] = new int[kids.size()];
            int k = 0;
            // Fellow cycle members go first, so a cycle runs down the left edge where its back edge loops round.
            if (inCycle[b]) {
                for (int c : kids) {
                    if (inCycle[c]) {
                        result[b][k++] = c;
                    }
                }
            }
            for (int c : kids) {
                if (!inCycle[b] || !inCycle[c]) {
                    result[b][k++] = c;
                }
            }
        }
        return result;
    }

    private List<int[]> weakComponents() {
        int[] group = new int[size];
        Arrays.fill(group, -1);
        List<int[]> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (group[i] >= 0) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            Deque<Integer> todo = new ArrayDeque<>(List.of(i));
            group[i] = result.size();
            while (!todo.isEmpty()) {
                int v = todo.pop();
                members.add(v);
                for (int[] next : new int[][] {blockers[v], waiters[v]}) {
                    for (int u : next) {
                        if (group[u] < 0) {
                            group[u] = result.size();
                            todo.push(u);
                        }
                    }
                }
            }
            result.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return result;
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static int[][] sortedArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            List<Integer> list = lists.get(i);
            arrays[i] = new int[list.size()];
            for (int k = 0; k < list.size(); k++) {
                arrays[i][k] = list.get(k);
            }
            Arrays.sort(arrays[i]);
        }
        return arrays;
    }
}
