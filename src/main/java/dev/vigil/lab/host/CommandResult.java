package dev.vigil.lab.host;

import java.util.List;

/** What an external command printed and how it ended. */
public record CommandResult(List<String> command, int exitCode, String output) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last lines of output, enough to see why a server refused to start. */
    public String outputTail(int lines) {
        String[] all = output.strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
