package dev.vigil.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** libpq's sslmode values, which pgJDBC takes as they are. */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    public String pgName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Modes that check the server certificate against a root certificate. */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    public static Optional<SslMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.pgName().equals(text)).findFirst();
    }
}
