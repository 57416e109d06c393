package dev.vigil;

public final class Launcher {
    public static void main(String[] args) {}
}
