package dev.vigil.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where an upstream, as a standby reports it ({@code pg_stat_wal_receiver.sender_host} and
 * {@code sender_port}, or its primary_conninfo), becomes a node name. The receiver reports the host it was told
 * to connect to, which may be spelt differently from the cluster definition: {@code 127.0.0.1}, {@code localhost}
 * and {@code ::1} (and a Unix socket directory) all mean "this machine", so loopback addresses match each other
 * on the same port; and a loopback sender matches the only configured node on that port when there is exactly
 * one (a lab, or nodes configured by host name on one machine). No name lookup: this is pure.
 */
public final class UpstreamNames {
    /** A configured node: its name and its host and port as the cluster definition gives them. */
    public record Known(String name, String host, int port) {
        public static Known of(NodeEndpoint n) {
            return new Known(n.name(), n.host(), n.port());
        }

        /** From a configured "host:port" address (as {@link NodeStatus#address()} carries it). */
        public static Optional<Known> parse(String name, String address) {
            return HostPort.parse(address).map(hp -> new Known(name, hp.host(), hp.port()));
        }
    }

    record HostPort(String host, int port) {
        /** "host:port", "[::1]:5432" or "::1:5432" (the last colon separates the port). */
        static Optional<HostPort> parse(String address) {
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                return Optional.empty();
            }
            try {
                int port = Integer.parseInt(address.substring(colon + 1));
                String host = address.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return Optional.of(new HostPort(host, port));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private UpstreamNames() {}

    public static List<Known> of(ClusterDefinition cluster) {
        return cluster.nodes().stream().map(Known::of).toList();
    }

    /** The configured node at {@code host:port}, if one matches. */
    public static Optional<String> nodeAt(List<Known> nodes, String host, int port) {
        Optional<String> exact = nodes.stream().filter(n -> n.port() == port && n.host().equalsIgnoreCase(host))
                .map(Known::name).findFirst();
        if (exact.isPresent() || !local(host)) {
            return exact;
        }
        Optional<String> loopback = nodes.stream().filter(n -> n.port() == port && local(n.host()))
                .map(Known::name).findFirst();
        if (loopback.isPresent()) {
            return loopback;
        }
        List<String> byPort = nodes.stream().filter(n -> n.port() == port).map(Known::name).toList();
        return byPort.size() == 1 ? Optional.of(byPort.get(0)) : Optional.empty();
    }

    /** The node behind an upstream "host:port", by name ("pg1"), else the address as given. */
    public static String nameFor(List<Known> nodes, String address) {
        return HostPort.parse(address).flatMap(hp -> nodeAt(nodes, hp.host(), hp.port())).orElse(address);
    }

    /** Whether a configured node is the one a receiver reports at {@code host:port}. */
    public static boolean is(Known node, List<Known> all, String host, int port) {
        return nodeAt(all, host, port).filter(node.name()::equals).isPresent();
    }

    /** This machine: a loopback address, or a Unix socket directory (sender_host is then a path). */
    public static boolean local(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.startsWith("127.")
                || h.equals("localhost.localdomain") || h.startsWith("/");
    }
}
