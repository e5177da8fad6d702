package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import cn.supervision.compliance.system.Refused;
import cn.supervision.compliance.text.Texts;

/**
 * The one pipeline every workbook goes through, whether uploaded, saved into the watched folder or found at start-up:
 * open (xlsx only) → values only against the approved template → compile (errors mapped to cells) → the workbooks' own
 * test cases → stored as a version → activated on request by swapping the active reference. Arrivals and activations
 * are serialised by one lock; evaluations never wait for it.
 */
@Service
public class RuleSetVersions implements SmartInitializingSingleton {

    /** The uploader recorded while there is no authentication: the service's own machine. */
    public static final String LOCAL = "local";

    private static final Logger log = LoggerFactory.getLogger(RuleSetVersions.class);
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,9}");
    private static final int COMPILED_KEPT = 4;
    private static final int MAX_COMMENT = 1000;

    private final RuleSets ruleSets;
    private final RuleSetSources sources;
    private final RuleSetBuilder builder;
    private final RuleSetVersionStore store;
    private final RuleBaseCache cache;
    private final ApprovedTemplates templates;
    private final RowChanges rowChanges;
    private final RowScope rowScope;
    private final ScheduledActivations scheduled;
    private final Map<String, WorkbookTestCases> testCases;
    private final ReentrantLock arrivals = new ReentrantLock(true);
    private final Map<String, CompiledRuleSet> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > COMPILED_KEPT;
        }
    };

    public RuleSetVersions(RuleSets ruleSets, RuleSetSources sources, RuleSetBuilder builder,
                           RuleSetVersionStore store, RuleBaseCache cache, ApprovedTemplates templates,
                           RowChanges rowChanges, List<WorkbookTestCases> testCases, RowScope rowScope,
                           ScheduledActivations scheduled) {
        this.rowScope = rowScope;
        this.scheduled = scheduled;
        this.ruleSets = ruleSets;
        this.sources = sources;
        this.builder = builder;
        this.store = store;
        this.cache = cache;
        this.templates = templates;
        this.rowChanges = rowChanges;
        this.testCases = testCases.stream().collect(Collectors.toMap(WorkbookTestCases::ruleSet, Function.identity()));
    }

    /**
     * A version that arrived: newly stored ({@code created}), or one stored before with the same files, or the active
     * version when the upload's values equal its values (a workbook saved again with no change).
     */
    public record Arrival(RuleSetVersion version, boolean created) {
    }

    /**
     * At start-up the files in the folders become a version when no stored version has their hash; then the stored
     * active version is built and served (a restart keeps the last activation), or, when none is, the newest.
     */
    @Override
    public void afterSingletonsInstantiated() {
        for (String name : sources.ruleSetNames()) {
            List<RuleSetFile> files = sources.read(name);
            if (store.findByHash(name, RuleSetCompiler.hash(files)).isEmpty()) {
                try {
                    store(name, files, changesFromActive(name, files), LOCAL, Texts.of("workbook.comment.start-up"));
                } catch (WorkbookRejected e) {
                    if (store.active(name).isEmpty()) {
                        throw new IllegalStateException("rule set " + name + " cannot be built; " + e.getMessage(), e);
                    }
                    log.error("the files of rule set {} in the folders were not accepted; the stored active version stays: {}",
                            name, e.getMessage());
                }
            }
            RuleSetVersion active = store.active(name).orElseGet(() -> {
                RuleSetVersion newest = store.newest(name).orElseThrow();
                store.activate(name, newest.sequence(), LOCAL);
                return newest;
            });
            try {
                ruleSets.activate(compiled(active));
            } catch (WorkbookRejected e) {
                active = replaceUnbuildable(name, active, files, e);
            }
            log.info("rule set {} version {} ({}) active", name, active.sequence(), active.hash());
        }
    }

    /**
     * The stored active version no longer passes this release's checks (a version stored before its approved template
     * or screen changed): the version of the folders' files, which just passed them, is activated in its place and
     * the change is logged. The old version stays in the history; activating it again is refused with its problems.
     */
    private RuleSetVersion replaceUnbuildable(String name, RuleSetVersion active, List<RuleSetFile> files,
                                              WorkbookRejected problems) {
        RuleSetVersion current = store.findByHash(name, RuleSetCompiler.hash(files)).orElseThrow(() ->
                new IllegalStateException("rule set " + name + ": neither the active version " + active.sequence()
                        + " nor the files in the folders can be built; " + problems.getMessage(), problems));
        log.error("rule set {} version {} no longer passes the checks of this release and is replaced by version {} of the"
                + " folders' files: {}", name, active.sequence(), current.sequence(), problems.getMessage());
        store.activate(name, current.sequence(), LOCAL);
        ruleSets.activate(compiled(current));
        return current;
    }

    /**
     * Checks uploaded workbooks, each of which replaces the active version's workbook it is recognised as by its
     * content (whatever the file is called), and stores the result unless nothing in it changed.
     */
    public Arrival upload(String ruleSet, List<RuleSetFile> workbooks, String comment, String uploader) {
        arrivals.lock();
        try {
            List<RuleSetFile> files = replaced(ruleSet, workbooks);
            Optional<RuleSetVersion> existing = store.findByHash(ruleSet, RuleSetCompiler.hash(files));
            if (existing.isPresent()) {
                compiled(existing.get());
                return new Arrival(existing.get(), false);
            }
            List<RuleSetFile> before = activeFiles(ruleSet);
            List<Change> changes = rowChanges.between(ruleSet, before, files);
            if (changes.isEmpty()) {
                return new Arrival(active(ruleSet), false);
            }
            rowScope.check(uploader, before, files, changes);
            return new Arrival(store(ruleSet, files, changes, uploader, comment), true);
        } finally {
            arrivals.unlock();
        }
    }

    /**
     * A workbook saved into the watched folder: the same checks, then stored as a proposed version like any upload
     * (issue 22: it waits for an editor's approval; it is never activated by being saved).
     */
    public Optional<RuleSetVersion> saved(String ruleSet, List<RuleSetFile> workbooks) {
        arrivals.lock();
        try {
            Arrival arrival = upload(ruleSet, workbooks, Texts.of("workbook.comment.folder"), LOCAL);
            return arrival.created() ? Optional.of(arrival.version()) : Optional.empty();
        } finally {
            arrivals.unlock();
        }
    }

    /**
     * Makes a stored version active: built and tested again unless still built, then swapped in. A version never
     * active before needs another editor than its uploader, whose subtree covers every row it changes, and a comment
     * (that activation is its approval); a version active before is restored by any editor (a rollback to an
     * approved state). Either is recorded with who, when and why.
     */
    public RuleSetVersion activate(String ruleSet, String version, String by, String comment) {
        return activate(ruleSet, version, by, comment, null);
    }

    /**
     * As {@link #activate(String, String, String, String)}; with an {@code effectiveFrom} still to come (自…起施行,
     * gov-approval lane) the same checks are made and the version built and tested now, and the approval is stored
     * to take effect at that moment ({@link DueActivations}); the version answered is not yet active.
     */
    public RuleSetVersion activate(String ruleSet, String version, String by, String comment, Instant effectiveFrom) {
        arrivals.lock();
        try {
            RuleSetVersion target = find(ruleSet, version);
            String kind = target.activations().isEmpty() ? Activation.APPROVAL : Activation.ROLLBACK;
            if (kind.equals(Activation.APPROVAL)) {
                approvable(ruleSet, target, by, comment);
            }
            String why = comment == null || comment.isBlank() ? null : comment.strip();
            if (effectiveFrom != null && effectiveFrom.isAfter(Instant.now())) {
                compiled(target);
                scheduled.schedule(ruleSet, target.sequence(), effectiveFrom, by, why, kind);
                log.info("rule set {} version {} ({}) approved by {} ({}), in force from {}", ruleSet,
                        target.sequence(), target.hash(), by, kind, effectiveFrom);
                return target;
            }
            ruleSets.activate(compiled(target));
            store.activate(ruleSet, target.sequence(), by, why, kind);
            log.info("rule set {} version {} ({}) activated by {} ({})", ruleSet, target.sequence(), target.hash(), by,
                    kind);
            return find(ruleSet, String.valueOf(target.sequence()));
        } finally {
            arrivals.unlock();
        }
    }

    /** The four-eyes rule of a first activation (issue 22, point 3). */
    private void approvable(String ruleSet, RuleSetVersion target, String by, String comment) {
        if (target.uploader().equals(by)) {
            throw new Refused(HttpStatus.FORBIDDEN, Map.of("field", "version"), "governance.self-approval",
                    target.sequence(), by);
        }
        if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
            throw new Refused(HttpStatus.BAD_REQUEST, Map.of("field", "comment"), "governance.comment-required",
                    MAX_COMMENT);
        }
        List<RuleSetFile> active = activeFiles(ruleSet);
        List<RuleSetFile> proposed = store.files(ruleSet, target.sequence());
        rowScope.check(by, active, proposed, rowChanges.between(ruleSet, active, proposed));
    }

    /**
     * Serves the version activated in the database when it is not the one served here: several instances share one
     * database, and an activation made through another instance reaches this one at its next poll.
     */
    public void followStoredActivations() {
        arrivals.lock();
        try {
            for (String name : ruleSets.names()) {
                String served = ruleSets.active(name).version();
                store.activeHash(name).filter(hash -> !hash.equals(served)).flatMap(hash -> store.findByHash(name, hash))
                        .ifPresent(version -> {
                            ruleSets.activate(compiled(version));
                            log.info("rule set {} version {} ({}) activated through another instance is now served here",
                                    name, version.sequence(), version.hash());
                        });
            }
        } finally {
            arrivals.unlock();
        }
    }

    public List<String> ruleSetNames() {
        return ruleSets.names();
    }

    public List<RuleSetVersion> history(String ruleSet) {
        ruleSets.active(ruleSet);
        return store.all(ruleSet);
    }

    public RuleSetVersion active(String ruleSet) {
        ruleSets.active(ruleSet);
        return store.active(ruleSet).orElseThrow(() -> new VersionNotFound(Texts.of("not-found.active-version", ruleSet)));
    }

    /** {@code version}: a sequence number or a hash. */
    public RuleSetVersion find(String ruleSet, String version) {
        ruleSets.active(ruleSet);
        Optional<RuleSetVersion> found = SEQUENCE.matcher(version).matches()
                ? store.find(ruleSet, Integer.parseInt(version))
                : store.findByHash(ruleSet, version);
        return found.orElseThrow(() -> new VersionNotFound(Texts.of("not-found.version", ruleSet, version)));
    }

    /** The built rule base of a stored version, for a preview of its impact. */
    public CompiledRuleSet compiled(String ruleSet, String version) {
        return compiled(find(ruleSet, version));
    }

    public RuleSetFile workbook(String ruleSet, String version, String file) {
        RuleSetVersion found = find(ruleSet, version);
        return store.files(ruleSet, found.sequence()).stream()
                .filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK && f.name().equals(file))
                .findFirst()
                .orElseThrow(() -> new VersionNotFound(Texts.of("not-found.workbook", found.sequence(), ruleSet, file,
                        found.files())));
    }

    /** The rows and cells changed from one version to another. */
    public List<Change> compare(String ruleSet, String from, String to) {
        RuleSetVersion a = find(ruleSet, from);
        RuleSetVersion b = find(ruleSet, to);
        return rowChanges.between(ruleSet, store.files(ruleSet, a.sequence()), store.files(ruleSet, b.sequence()));
    }

    private List<Change> changesFromActive(String ruleSet, List<RuleSetFile> files) {
        return rowChanges.between(ruleSet, activeFiles(ruleSet), files);
    }

    private List<RuleSetFile> activeFiles(String ruleSet) {
        return store.active(ruleSet).map(v -> store.files(ruleSet, v.sequence())).orElse(List.of());
    }

    private RuleSetVersion store(String ruleSet, List<RuleSetFile> files, List<Change> changes, String uploader,
                                 String comment) {
        Candidate candidate = check(ruleSet, files);
        int sequence = store.save(ruleSet, candidate.compiled().version(), uploader, comment, files, changes,
                candidate.results());
        cache.save(candidate.compiled());
        remember(candidate.compiled());
        log.info("rule set {} version {} ({}) stored, uploaded by {}", ruleSet, sequence, candidate.compiled().version(), uploader);
        return store.find(ruleSet, sequence).orElseThrow();
    }

    /**
     * The rule base of a stored version: kept in memory, else loaded from the {@link RuleBaseCache} (built and tested
     * by this release from this version's files), else built and tested again and cached.
     */
    private CompiledRuleSet compiled(RuleSetVersion version) {
        synchronized (compiled) {
            CompiledRuleSet built = compiled.get(version.hash());
            if (built != null) {
                return built;
            }
        }
        CompiledRuleSet built = cache.load(version).orElseGet(() -> {
            CompiledRuleSet compiledNow = check(version.ruleSet(),
                    store.files(version.ruleSet(), version.sequence())).compiled();
            cache.save(compiledNow);
            return compiledNow;
        });
        remember(built);
        return built;
    }

    private void remember(CompiledRuleSet built) {
        synchronized (compiled) {
            compiled.put(built.version(), built);
        }
    }

    private record Candidate(CompiledRuleSet compiled, List<TestCaseResult> results) {
    }

    /** Values only, compile, test: the checks every version passes before it is stored or activated. */
    private Candidate check(String ruleSet, List<RuleSetFile> files) {
        CompiledRuleSet built = builder.build(ruleSet, files);
        List<RuleSetProblem> problems = new ArrayList<>();
        WorkbookTestCases tests = testCases.get(ruleSet);
        List<TestCaseResult> results = tests == null ? List.of() : tests.run(built, files);
        for (TestCaseResult result : results) {
            if (!result.passed()) {
                problems.add(RuleSetProblem.of(result.file(), result.sheet(), result.rows(), "test-case.failed",
                        result.name(), String.join(Texts.of("workbook.separator"), result.failures())));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return new Candidate(built, results);
    }

    /** The active version's files with each given workbook in place of the one it is recognised as. */
    private List<RuleSetFile> replaced(String ruleSet, List<RuleSetFile> workbooks) {
        if (workbooks.isEmpty()) {
            throw WorkbookRejected.of("file", "workbook.none-uploaded");
        }
        List<RuleSetFile> base = store.files(ruleSet, active(ruleSet).sequence());
        List<ApprovedTemplate> known = base.stream().filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK)
                .flatMap(f -> templates.of(ruleSet, f.name()).stream()).toList();
        Map<String, RuleSetFile> uploaded = new HashMap<>();
        Map<String, String> uploadedAs = new HashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        for (RuleSetFile workbook : workbooks) {
            try {
                WorkbookFormat.requireXlsxName(workbook.name());
                String name = WorkbookRecognition.recognise(ruleSet, workbook.name(), workbook.content(), known);
                String other = uploadedAs.putIfAbsent(name, workbook.name());
                if (other != null) {
                    problems.add(RuleSetProblem.of(workbook.name(), null, null, "workbook.twice", other, name));
                }
                uploaded.put(name, workbook);
            } catch (WorkbookRejected e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return base.stream().map(f -> f.kind() == RuleSetFile.Kind.WORKBOOK && uploaded.containsKey(f.name())
                ? new RuleSetFile(RuleSetFile.Kind.WORKBOOK, f.name(), uploaded.get(f.name()).content()) : f).toList();
    }
}
