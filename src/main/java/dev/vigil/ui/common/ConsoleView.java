package dev.vigil.ui.common;

import javafx.scene.input.KeyCode;

/** The console's views, in tab order, each with its Ctrl+digit shortcut. */
public enum ConsoleView {
    OVERVIEW("Overview", KeyCode.DIGIT1),
    QUERIES("Queries", KeyCode.DIGIT2),
    SESSIONS("Sessions", KeyCode.DIGIT3),
    REPLICATION("Replication", KeyCode.DIGIT4),
    LOCKS("Locks", KeyCode.DIGIT5),
    EVENTS("Events", KeyCode.DIGIT6),
    MIGRATIONS("Migrations", KeyCode.DIGIT7),
    HEALTH("Health", KeyCode.DIGIT8);

    private final String title;
    private final KeyCode key;

    ConsoleView(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public KeyCode key() {
        return key;
    }

    public String shortcutText() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
