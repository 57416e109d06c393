package dev.vigil.ops.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An argument vector written as a POSIX shell would need it, for people to read and copy. Vigil never runs this
 * text; it runs the vector itself. Arguments are quoted only where a shell would otherwise change them.
 */
final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {}

    static String join(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            String argument = argv.get(i);
            if (i > 0) {
                line.append(' ');
            }
            // A first word with '=' would be read as a variable assignment, not as the program.
            boolean plain = PLAIN.matcher(argument).matches() && !(i == 0 && argument.contains("="));
            line.append(plain ? argument : "'" + argument.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
