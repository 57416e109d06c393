package dev.vigil.cli;

import java.util.Optional;

/** Where the operator answers a question typed at the terminal; absent when there is no terminal. */
@FunctionalInterface
public interface OperatorConsole {

    /** The line typed after {@code prompt}; empty at end of input. */
    Optional<String> ask(String prompt);

    /** The process's terminal, if it has one (not when input or output is redirected). */
    static Optional<OperatorConsole> system() {
        java.io.Console console = System.console();
        return console == null ? Optional.empty()
                : Optional.of(prompt -> Optional.ofNullable(console.readLine("%s", prompt)).map(String::strip));
    }
}
