package dev.vigil.cluster.inventory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when {@code clusters.yaml} changed, on a daemon thread of its own (never the FX thread): a WatchService
 * on the file's folder, since editors often replace a file rather than write it in place. Changes that come in
 * a burst (write, rename, chmod) are told once, after a short quiet period.
 */
public final class InventoryWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InventoryWatcher.class);
    static final long QUIET_MILLIS = 250;
    private final WatchService service;
    private final Thread thread;

    private InventoryWatcher(WatchService service, Thread thread) {
        this.service = service;
        this.thread = thread;
    }

    /** Watches {@code file}; {@code onChange} runs on the watcher's thread. A folder that does not exist is not watched. */
    public static InventoryWatcher watch(Path file, Runnable onChange) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        WatchService service = FileSystems.getDefault().newWatchService();
        if (folder == null || !Files.isDirectory(folder)) {
            service.close();
            return new InventoryWatcher(null, null);
        }
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        Path name = absolute.getFileName();
        Thread thread = new Thread(() -> run(service, name, onChange), "vigil-inventory-watch");
        thread.setDaemon(true);
        InventoryWatcher watcher = new InventoryWatcher(service, thread);
        thread.start();
        return watcher;
    }

    private static void run(WatchService service, Path name, Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean ours = drain(key, name);
                // Let the burst settle: keep draining until the folder is quiet.
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    ours |= drain(more, name);
                }
                if (ours) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        log.warn("Reloading after a change of {} failed: {}", name, e.toString());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private static boolean drain(WatchKey key, Path name) {
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
        }
        key.reset();
        return ours;
    }

    @Override
    public void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the inventory watch: {}", e.toString());
            }
            thread.interrupt();
        }
    }
}
