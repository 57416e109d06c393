package dev.vigil.alert;

public enum Severity { WARNING, CRITICAL }
