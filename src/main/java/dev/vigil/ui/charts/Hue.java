package dev.vigil.ui.charts;

/** The colour families a series can take; each theme says which shade of each reads well on its background. */
public enum Hue {
    GREEN, BLUE, RED, ORANGE, YELLOW, PURPLE, TEAL, PINK, BROWN, GREY
}
