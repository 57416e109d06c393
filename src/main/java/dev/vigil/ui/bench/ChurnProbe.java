package dev.vigil.ui.bench;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;

/** TEMP debugging: nodes new since the last look, by nearest ancestor with an id. */
final class ChurnProbe {
    private Set<Node> previous = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<String, Long> counts = new TreeMap<>();
    int looks;

    final Map<String, Long> dirty = new TreeMap<>();
    long cssNanos, layoutNanos;
    private static java.lang.reflect.Field flag;

    void dirty(Parent root) {
        try {
            if (flag == null) {
                flag = Node.class.getDeclaredField("cssFlag");
                flag.setAccessible(true);
            }
            walkDirty(root);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void walkDirty(Node n) throws ReflectiveOperationException {
        Object f = flag.get(n);
        if (!"CLEAN".equals(String.valueOf(f))) {
            dirty.merge(owner(n) + ":" + f, 1L, Long::sum);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walkDirty(c);
            }
        }
    }

    void look(Parent root) {
        Set<Node> now = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(root, now);
        if (looks++ > 0) {
            for (Node n : now) {
                if (!previous.contains(n)) {
                    counts.merge(owner(n), 1L, Long::sum);
                }
            }
        }
        previous = now;
    }

    private static void walk(Node n, Set<Node> into) {
        into.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, into);
            }
        }
    }

    private static String owner(Node n) {
        Node o = n;
        String path = "";
        while (o != null && o.getId() == null) {
            o = o.getParent();
        }
        return (o == null ? "(root)" : o.getId());
    }
}
