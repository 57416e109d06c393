package dev.vigil.lab;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Runs a lab script statement by statement (CREATE DATABASE refuses to share a transaction). */
final class SqlScript {
    private SqlScript() {}

    static void run(Connection c, String script) throws SQLException {
        String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
        try (Statement st = c.createStatement()) {
            for (String sql : Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()) {
                st.execute(sql);
            }
        }
    }
}
