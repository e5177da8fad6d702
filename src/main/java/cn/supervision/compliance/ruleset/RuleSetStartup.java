package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.text.Texts;

/**
 * At start-up the files in the folders become a version when no stored version has their hash; then the stored active
 * version is built and served (a restart keeps the last activation), or, when none is, the newest.
 */
@Component
class RuleSetStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuleSetStartup.class);

    private final RuleSets ruleSets;
    private final RuleSetSources sources;
    private final RuleSetVersionStore store;
    private final VersionBuilds builds;
    private final RowChanges rowChanges;
    private final Arrivals arrivals;

    RuleSetStartup(RuleSets ruleSets, RuleSetSources sources, RuleSetVersionStore store, VersionBuilds builds,
                   RowChanges rowChanges, Arrivals arrivals) {
        this.ruleSets = ruleSets;
        this.sources = sources;
        this.store = store;
        this.builds = builds;
        this.rowChanges = rowChanges;
        this.arrivals = arrivals;
    }

    @Override
    public void afterSingletonsInstantiated() {
        arrivals.serially(() -> {
            sources.ruleSetNames().forEach(this::start);
            return null;
        });
    }

    private void start(String name) {
        List<RuleSetFile> files = sources.read(name);
        if (store.findByHash(name, RuleSetCompiler.hash(files)).isEmpty()) {
            Optional<RuleSetVersion> active = store.active(name);
            List<RuleSetFile> before = active.map(v -> store.files(name, v.sequence())).orElse(List.of());
            try {
                builds.store(name, files, rowChanges.between(name, before, files), RuleSetVersions.LOCAL,
                        Texts.of("workbook.comment.start-up"), active.map(RuleSetVersion::sequence).orElse(null));
            } catch (WorkbookRejected e) {
                if (active.isEmpty()) {
                    throw new IllegalStateException("rule set " + name + " cannot be built; " + e.getMessage(), e);
                }
                log.error("the files of rule set {} in the folders were not accepted; the stored active version stays: {}",
                        name, e.getMessage());
            }
        }
        RuleSetVersion active = store.active(name).orElseGet(() -> {
            RuleSetVersion newest = store.newest(name).orElseThrow();
            store.activate(name, newest.sequence(), RuleSetVersions.LOCAL);
            return newest;
        });
        try {
            ruleSets.activate(builds.compiled(active));
        } catch (WorkbookRejected e) {
            active = replaceUnbuildable(name, active, files, e);
        }
        log.info("rule set {} version {} ({}) active", name, active.sequence(), active.hash());
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
        store.activate(name, current.sequence(), RuleSetVersions.LOCAL);
        ruleSets.activate(builds.compiled(current));
        return current;
    }
}
