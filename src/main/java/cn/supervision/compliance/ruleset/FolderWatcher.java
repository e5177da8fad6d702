package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches {@code decision-tables/<rule set>/} while the service runs. A saved .xlsx (Excel's and LibreOffice's lock and
 * temporary files aside) goes, once the folder has been quiet for the configured period, through the same pipeline as
 * an upload and becomes a proposed version if accepted (an editor approves it, issue 22); a rejection is logged with
 * every problem and changes nothing. Off in the postgres profile unless COMPLIANCE_WATCH_ENABLED is set.
 */
@Component
class FolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long POLL_MILLIS = 100;

    private final RuleSetProperties folders;
    private final FolderWatchProperties properties;
    private final RuleSetVersions versions;
    private volatile WatchService watcher;
    private volatile Thread thread;

    FolderWatcher(RuleSetProperties folders, FolderWatchProperties properties, RuleSetVersions versions) {
        this.folders = folders;
        this.properties = properties;
        this.versions = versions;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            Map<WatchKey, String> keys = new HashMap<>();
            for (String ruleSet : versions.ruleSetNames()) {
                Path folder = folders.decisionTables().resolve(ruleSet);
                if (Files.isDirectory(folder)) {
                    keys.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), ruleSet);
                }
            }
            thread = new Thread(() -> watch(keys), "rule-set-folder-watcher");
            thread.setDaemon(true);
            thread.start();
            log.info("watching {} for saved workbooks", folders.decisionTables().toAbsolutePath());
        } catch (IOException e) {
            log.error("cannot watch {}; saved workbooks will be read at the next start only", folders.decisionTables(), e);
        }
    }

    private void watch(Map<WatchKey, String> keys) {
        Map<String, Set<String>> pending = new HashMap<>();
        long lastChange = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path file && isWorkbook(file)) {
                            pending.computeIfAbsent(keys.get(key), k -> new LinkedHashSet<>()).add(file.toString());
                            lastChange = System.nanoTime();
                        }
                    }
                    key.reset();
                } else if (!pending.isEmpty() && System.nanoTime() - lastChange >= properties.quietPeriod().toNanos()) {
                    pending.forEach(this::arrive);
                    pending.clear();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWorkbook(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".xlsx") && !name.startsWith("~$") && !name.startsWith(".~lock") && !name.startsWith(".");
    }

    private void arrive(String ruleSet, Set<String> names) {
        try {
            List<RuleSetFile> workbooks = names.stream()
                    .map(name -> folders.decisionTables().resolve(ruleSet).resolve(name))
                    .filter(Files::isRegularFile)
                    .map(path -> new RuleSetFile(RuleSetFile.Kind.WORKBOOK, path.getFileName().toString(), read(path)))
                    .toList();
            if (workbooks.isEmpty()) {
                return;
            }
            versions.saved(ruleSet, workbooks).ifPresent(version -> log.info(
                    "rule set {}: saved {} became version {} ({}), proposed for approval", ruleSet, names, version.sequence(), version.hash()));
        } catch (WorkbookRejected e) {
            log.warn("rule set {}: saved {} not accepted; the active version stays. {}", ruleSet, names, e.getMessage());
        } catch (RuntimeException e) {
            log.error("rule set {}: saved {} could not be processed", ruleSet, names, e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw WorkbookRejected.of(path.getFileName().toString(), "workbook.folder-unreadable", e.getMessage());
        }
    }

    @Override
    public void stop() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            log.warn("closing the folder watcher failed", e);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }
}
