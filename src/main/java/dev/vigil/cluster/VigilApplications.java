package dev.vigil.cluster;

import java.util.Set;

/**
 * The {@code application_name}s Vigil's own connections carry: monitoring ({@code vigil-monitor}) and actions
 * ({@code vigil-action}). Views leave sessions with these names out by default, so Vigil never shows itself.
 */
public final class VigilApplications {
    public static final String MONITOR = MonitorConnectionSettings.APPLICATION_NAME;
    public static final String ACTION = "vigil-action";
    public static final Set<String> ALL = Set.of(MONITOR, ACTION);

    private VigilApplications() {}

    public static boolean isVigil(String applicationName) {
        return ALL.contains(applicationName);
    }
}
