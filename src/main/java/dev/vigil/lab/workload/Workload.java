package dev.vigil.lab.workload;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.LabException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A shop workload against a lab cluster: orders placed, orders read, orders shipped, at a set rate.
 *
 * <p>It connects through a HikariCP pool whose URL lists every node and asks pgJDBC for the primary, so after a
 * switchover it finds the new one by itself. Every commit the server acknowledged is logged with a unique id
 * (stored in the row) and a timestamp: the instrument that proves no acknowledged commit was lost and
 * measures a switchover's write outage. A commit whose acknowledgement never arrived is not logged; it may
 * or may not have happened.
 */
public final class Workload implements AutoCloseable {

    /**
     * @param transactionsPerSecond all transactions, reads and writes together
     * @param writeFraction         share of transactions that place or ship an order, 0 to 1
     * @param workers               concurrent sessions
     */
    public record Settings(double transactionsPerSecond, double writeFraction, int workers) {
        public Settings {
            if (transactionsPerSecond <= 0 || transactionsPerSecond > 10_000) {
                throw new IllegalArgumentException("workload rate must be between 0 and 10000 tx/s, not "
                        + transactionsPerSecond);
            }
            if (writeFraction < 0 || writeFraction > 1) {
                throw new IllegalArgumentException("write fraction must be between 0 and 1, not " + writeFraction);
            }
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("workers must be between 1 and 64, not " + workers);
            }
        }

        public static Settings light() {
            return new Settings(20, 0.5, 2);
        }
    }

    public record Stats(long acknowledgedWrites, long reads, long failures, String lastError) {}

    private static final int CUSTOMERS = 2000;
    private static final int PRODUCTS = 200;
    private final HikariDataSource pool;
    private final ExecutorService workers;
    private final List<AckedCommit> acks = new ArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private volatile boolean running = true;

    private Workload(HikariDataSource pool, Settings settings) {
        this.pool = pool;
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "vigil-workload");
            t.setDaemon(true);
            return t;
        });
        long intervalNanos = (long) (1e9 * settings.workers() / settings.transactionsPerSecond());
        for (int i = 0; i < settings.workers(); i++) {
            workers.execute(() -> loop(intervalNanos, settings.writeFraction()));
        }
    }

    public static Workload start(LabCluster cluster, Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vigil-workload-" + cluster.name());
        config.setJdbcUrl(cluster.primaryJdbcUrl());
        config.setUsername(LabCredentials.SUPERUSER);
        config.setPassword(cluster.credentials().superuserPassword());
        config.setMaximumPoolSize(settings.workers());
        config.setMinimumIdle(settings.workers());
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "vigil-workload");
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "30");
        return new Workload(new HikariDataSource(config), settings);
    }

    /** A copy of the acknowledged-commit log, in acknowledgement order. */
    public List<AckedCommit> acknowledged() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    /**
     * Transactions completed so far, reads and writes (each is one server transaction): what a TPS reading of the
     * server should show while this workload is its only load.
     */
    public long transactions() {
        return transactions.get();
    }

    public Stats stats() {
        synchronized (acks) {
            return new Stats(acks.size(), reads.get(), failures.get(), lastError.get());
        }
    }

    /** The acknowledged ids missing from {@code node}: empty means nothing acknowledged was lost there. */
    public static Set<UUID> missingOn(LabNode node, List<AckedCommit> acknowledged) {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement st = c.prepareStatement(WorkloadSql.MISSING_ACKED.sql())) {
            st.setArray(1, c.createArrayOf("uuid", acknowledged.stream().map(AckedCommit::id).toArray()));
            Set<UUID> missing = new java.util.HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missing.add((UUID) rs.getObject(1));
                }
            }
            return missing;
        } catch (SQLException e) {
            throw new LabException("Could not check acknowledged commits on " + node + ": " + e.getMessage(), e);
        }
    }

    private void loop(long intervalNanos, double writeFraction) {
        long next = System.nanoTime();
        while (running) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000_000L) {
                next = System.nanoTime(); // fell far behind (an outage): do not burst to catch up
            }
            if (!running) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                if (random.nextDouble() < writeFraction) {
                    if (random.nextInt(4) == 0) {
                        shipOrder(random);
                    } else {
                        placeOrder(random);
                    }
                } else {
                    readOrders(random);
                }
                transactions.incrementAndGet();
            } catch (SQLException e) {
                failures.incrementAndGet();
                lastError.set(e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private void placeOrder(ThreadLocalRandom random) throws SQLException {
        UUID ref = UUID.randomUUID();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long orderId;
                try (PreparedStatement order = c.prepareStatement(WorkloadSql.PLACE_ORDER.sql())) {
                    order.setLong(1, 1 + random.nextInt(CUSTOMERS));
                    order.setInt(2, 100 + random.nextInt(50_000));
                    order.setObject(3, ref);
                    try (ResultSet rs = order.executeQuery()) {
                        rs.next();
                        orderId = rs.getLong(1);
                    }
                }
                try (PreparedStatement item = c.prepareStatement(WorkloadSql.ADD_ITEM.sql())) {
                    item.setLong(1, orderId);
                    item.setInt(2, 1 + random.nextInt(3));
                    item.setLong(3, 1 + random.nextInt(PRODUCTS));
                    item.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
        synchronized (acks) {
            acks.add(new AckedCommit(ref, Instant.now(), System.nanoTime()));
        }
    }

    private void shipOrder(ThreadLocalRandom random) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement(WorkloadSql.SHIP_ORDER.sql())) {
            st.setLong(1, 1 + random.nextInt(10_000));
            st.executeUpdate();
        }
    }

    private void readOrders(ThreadLocalRandom random) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement(WorkloadSql.CUSTOMER_ORDERS.sql())) {
            st.setLong(1, 1 + random.nextInt(CUSTOMERS));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            reads.incrementAndGet();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }

    @Override
    public void close() {
        running = false;
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }
}
