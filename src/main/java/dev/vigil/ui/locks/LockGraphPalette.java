package dev.vigil.ui.locks;

import javafx.scene.paint.Color;

/**
 * Colours of the lock graph, which is painted on a canvas and so cannot read the theme's CSS variables: these are
 * the AtlantaFX Primer values the rest of the window uses (fg, muted, border, accent, success, warning, danger), with
 * Primer's "severe" orange for idle-in-transaction and its "done" purple for cycles.
 */
record LockGraphPalette(Color background, Color laneFill, Color laneBorder, Color laneTitle, Color nodeFill,
                        Color nodeBorder, Color shadow, Color fg, Color muted, Color edge, Color pillFill,
                        Color pillBorder, Color pillText, Color accent, Color accentRing, Color danger,
                        Color badgeText, Color cycle, Color cycleFill, Color active, Color waiting, Color idleInTx,
                        Color aborted, Color idle, Color gone) {

    static final LockGraphPalette DARK = new LockGraphPalette(
            Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"), Color.web("#8b949e"),
            Color.web("#1c2128"), Color.web("#3d444d"), Color.rgb(1, 4, 9, 0.55), Color.web("#e6edf3"),
            Color.web("#8b949e"), Color.web("#768390"), Color.web("#0d1117"), Color.web("#3d444d"),
            Color.web("#c9d1d9"), Color.web("#58a6ff"), Color.rgb(56, 139, 253, 0.35), Color.web("#f85149"),
            Color.web("#ffffff"), Color.web("#a371f7"), Color.rgb(163, 113, 247, 0.07), Color.web("#3fb950"),
            Color.web("#d29922"), Color.web("#db6d28"), Color.web("#f85149"), Color.web("#8b949e"),
            Color.web("#6e7681"));

    static final LockGraphPalette LIGHT = new LockGraphPalette(
            Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"), Color.web("#57606a"),
            Color.web("#ffffff"), Color.web("#d0d7de"), Color.rgb(31, 35, 40, 0.08), Color.web("#1f2328"),
            Color.web("#57606a"), Color.web("#8c959f"), Color.web("#ffffff"), Color.web("#d0d7de"),
            Color.web("#24292f"), Color.web("#0969da"), Color.rgb(84, 174, 255, 0.4), Color.web("#cf222e"),
            Color.web("#ffffff"), Color.web("#8250df"), Color.rgb(130, 80, 223, 0.05), Color.web("#1a7f37"),
            Color.web("#9a6700"), Color.web("#bc4c00"), Color.web("#cf222e"), Color.web("#6e7781"),
            Color.web("#8c959f"));
}
