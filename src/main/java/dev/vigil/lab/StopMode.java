package dev.vigil.lab;

/** pg_ctl's shutdown modes. */
public enum StopMode {
    /** Waits for clients to leave. */
    SMART,
    /** Disconnects clients, writes a shutdown checkpoint: a clean stop. */
    FAST,
    /** Exits at once, like a crash; the next start runs crash recovery. */
    IMMEDIATE;

    String pgCtlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
