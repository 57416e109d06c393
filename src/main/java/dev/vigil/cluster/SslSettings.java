package dev.vigil.cluster;

import java.nio.file.Path;
import java.util.Optional;

/** How a node's connection is encrypted and checked. {@code rootCert} matters for verify-ca and verify-full. */
public record SslSettings(SslMode mode, Optional<Path> rootCert) {
    public static final SslSettings DISABLED = new SslSettings(SslMode.DISABLE, Optional.empty());
    public static final SslSettings PREFER = new SslSettings(SslMode.PREFER, Optional.empty());
}
