package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import cn.supervision.compliance.system.Refused;
import cn.supervision.compliance.text.Texts;

/**
 * The versions of the rule sets: activation (approval and rollback), following activations made through other
 * instances, and lookups. The other jobs have their own classes: {@link RuleSetStartup} (the folders at start-up),
 * {@link RuleSetUpload} (upload and folder save, kept here as {@link #upload} and {@link #saved} for callers),
 * {@link VersionBuilds} (compile, test, the rule bases kept). Arrivals and activations are serialised by
 * {@link Arrivals}; evaluations never wait for it.
 */
@Service
public class RuleSetVersions {

    /** The uploader recorded while there is no authentication: the service's own machine. */
    public static final String LOCAL = "local";

    private static final Logger log = LoggerFactory.getLogger(RuleSetVersions.class);
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,9}");
    private static final int MAX_COMMENT = 1000;

    private final RuleSets ruleSets;
    private final RuleSetVersionStore store;
    private final RowChanges rowChanges;
    private final RowScope rowScope;
    private final VersionBuilds builds;
    private final RuleSetUpload uploads;
    private final StaleBase staleBase;
    private final Arrivals arrivals;
    private final ApprovedTemplates templates;
    private final ScheduledActivations scheduled;

    public RuleSetVersions(RuleSets ruleSets, RuleSetVersionStore store, RowChanges rowChanges, RowScope rowScope,
                           VersionBuilds builds, RuleSetUpload uploads, StaleBase staleBase, Arrivals arrivals,
                           ApprovedTemplates templates, ScheduledActivations scheduled) {
        this.scheduled = scheduled;
        this.templates = templates;
        this.ruleSets = ruleSets;
        this.store = store;
        this.rowChanges = rowChanges;
        this.rowScope = rowScope;
        this.builds = builds;
        this.uploads = uploads;
        this.staleBase = staleBase;
        this.arrivals = arrivals;
    }

    /**
     * A version that arrived: newly stored ({@code created}), or one stored before with the same files, or the active
     * version when the upload's values equal its values (a workbook saved again with no change).
     */
    public record Arrival(RuleSetVersion version, boolean created) {
    }

    /** See {@link RuleSetUpload#upload}. */
    public Arrival upload(String ruleSet, List<RuleSetFile> workbooks, String comment, String uploader) {
        return uploads.upload(ruleSet, workbooks, comment, uploader);
    }

    /** See {@link RuleSetUpload#saved}. */
    public Optional<RuleSetVersion> saved(String ruleSet, List<RuleSetFile> workbooks) {
        return uploads.saved(ruleSet, workbooks);
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
        return arrivals.serially(() -> {
            RuleSetVersion target = find(ruleSet, version);
            String kind = target.activations().isEmpty() ? Activation.APPROVAL : Activation.ROLLBACK;
            if (kind.equals(Activation.APPROVAL)) {
                staleBase.check(target, active(ruleSet));
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
        });
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
        arrivals.serially(() -> {
            for (String name : ruleSets.names()) {
                String served = ruleSets.active(name).version();
                store.activeHash(name).filter(hash -> !hash.equals(served)).flatMap(hash -> store.findByHash(name, hash))
                        .ifPresent(version -> {
                            ruleSets.activate(compiled(version));
                            log.info("rule set {} version {} ({}) activated through another instance is now served here",
                                    name, version.sequence(), version.hash());
                        });
            }
            return null;
        });
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
                .map(f -> new RuleSetFile(f.kind(), f.name(), BaseVersion.served(f.name(), f.content(), ruleSet,
                        found.sequence(), templates.of(ruleSet, f.name()))))
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

    private List<RuleSetFile> activeFiles(String ruleSet) {
        return store.active(ruleSet).map(v -> store.files(ruleSet, v.sequence())).orElse(List.of());
    }

    private CompiledRuleSet compiled(RuleSetVersion version) {
        return builds.compiled(version);
    }
}
