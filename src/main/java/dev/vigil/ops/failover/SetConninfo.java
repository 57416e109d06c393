package dev.vigil.ops.failover;

/**
 * The one statement here that cannot take bind parameters: ALTER SYSTEM is a utility command. The value is
 * dollar-quoted with a tag it does not contain, which needs no escaping and does not depend on
 * standard_conforming_strings.
 */
final class SetConninfo {
    private SetConninfo() {}

    static String sql(String conninfo) {
        String tag = "$vigil$";
        for (int n = 1; conninfo.contains(tag); n++) {
            tag = "$vigil" + n + "$";
        }
        return String.format(FailoverSql.SET_PRIMARY_CONNINFO.sql(), tag + conninfo + tag);
    }
}
