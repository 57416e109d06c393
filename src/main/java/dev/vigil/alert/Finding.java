package dev.vigil.alert;

import java.util.Map;

/**
 * A rule's verdict on one sample: what is wrong, where ({@code node}; empty for the whole cluster), which
 * instance ({@code key}, e.g. a slot name, so two slots give two alerts), and the evidence behind it.
 */
public record Finding(String rule, Severity severity, String node, String key, String message,
                      Map<String, String> evidence) {
    public Finding {
        evidence = Map.copyOf(evidence);
    }

    /** What makes two findings the same alert across samples. */
    public String identity() {
        return rule + "|" + node + "|" + key;
    }
}
