package cn.supervision.compliance.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.supervision.compliance.ruleset.WorkbookRecognition.Recognised;
import cn.supervision.compliance.text.Texts;

/**
 * The upload path (issue 22, points 4 and 8): the active version is resolved once; each uploaded workbook is
 * recognised by its content and read for the version it was downloaded from; a workbook edited from an older version
 * is carried over onto the active one ({@link Rebase}, 409 when a row changed on both sides); the rows it changes are
 * checked against the uploader's scope; its tables are analysed ({@link TableAnalysis}: an overlap is a problem) and
 * it is compiled and tested, every problem of either in one answer; it is stored as a proposed version whose base is
 * the active one, with what the approver is shown ({@link UploadAnalysis}). A workbook saved into the watched folder takes the same path.
 */
@Service
public class RuleSetUpload {

    private final RuleSets ruleSets;
    private final RuleSetVersionStore store;
    private final VersionBuilds builds;
    private final ApprovedTemplates templates;
    private final RowChanges rowChanges;
    private final RowScope rowScope;
    private final Arrivals arrivals;
    private final TableAnalysis tableAnalysis;
    private final UploadAnalysis uploadAnalysis;

    public RuleSetUpload(RuleSets ruleSets, RuleSetVersionStore store, VersionBuilds builds, ApprovedTemplates templates,
                         RowChanges rowChanges, RowScope rowScope, Arrivals arrivals, TableAnalysis tableAnalysis,
                         UploadAnalysis uploadAnalysis) {
        this.tableAnalysis = tableAnalysis;
        this.uploadAnalysis = uploadAnalysis;
        this.ruleSets = ruleSets;
        this.store = store;
        this.builds = builds;
        this.templates = templates;
        this.rowChanges = rowChanges;
        this.rowScope = rowScope;
        this.arrivals = arrivals;
    }

    /**
     * Checks uploaded workbooks, each of which replaces the active version's workbook it is recognised as by its
     * content (whatever the file is called), and stores the result unless nothing in it changed.
     */
    public RuleSetVersions.Arrival upload(String ruleSet, List<RuleSetFile> workbooks, String comment, String uploader) {
        return arrivals.serially(() -> {
            ruleSets.active(ruleSet);
            RuleSetVersion active = store.active(ruleSet).orElseThrow(() ->
                    new VersionNotFound(Texts.of("not-found.active-version", ruleSet)));
            List<RuleSetFile> before = store.files(ruleSet, active.sequence());
            List<RuleSetFile> files = replaced(ruleSet, active, before, workbooks);
            Optional<RuleSetVersion> existing = store.findByHash(ruleSet, RuleSetCompiler.hash(files));
            if (existing.isPresent()) {
                builds.compiled(existing.get());
                return new RuleSetVersions.Arrival(existing.get(), false);
            }
            List<Change> changes = rowChanges.between(ruleSet, before, files);
            if (changes.isEmpty()) {
                return new RuleSetVersions.Arrival(active, false);
            }
            rowScope.check(uploader, before, files, changes);
            TableAnalysis.Tables tables = tableAnalysis.check(ruleSet, files);
            List<RuleSetProblem> problems = new ArrayList<>(tables.problems());
            VersionBuilds.Candidate candidate = null;
            try {
                candidate = builds.check(ruleSet, files);
            } catch (WorkbookRejected e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new WorkbookRejected(problems);
            }
            VersionAnalysis analysis = uploadAnalysis.of(active, files, changes, candidate, tables.warnings());
            return new RuleSetVersions.Arrival(builds.store(ruleSet, files, changes, uploader, comment, active.sequence(),
                    candidate, analysis), true);
        });
    }

    /**
     * A workbook saved into the watched folder: the same checks, then stored as a proposed version like any upload
     * (issue 22: it waits for an editor's approval; it is never activated by being saved).
     */
    public Optional<RuleSetVersion> saved(String ruleSet, List<RuleSetFile> workbooks) {
        RuleSetVersions.Arrival arrival = upload(ruleSet, workbooks, Texts.of("workbook.comment.folder"), RuleSetVersions.LOCAL);
        return arrival.created() ? Optional.of(arrival.version()) : Optional.empty();
    }

    /**
     * The active version's files with each uploaded workbook in place of the one it is recognised as; a workbook
     * downloaded from an older version is first carried over onto the active one.
     */
    private List<RuleSetFile> replaced(String ruleSet, RuleSetVersion active, List<RuleSetFile> before,
                                       List<RuleSetFile> workbooks) {
        if (workbooks.isEmpty()) {
            throw WorkbookRejected.of("file", "workbook.none-uploaded");
        }
        List<ApprovedTemplate> known = before.stream().filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK)
                .flatMap(f -> templates.of(ruleSet, f.name()).stream()).toList();
        Map<String, RuleSetFile> uploaded = new LinkedHashMap<>();
        Map<String, Integer> bases = new HashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        for (RuleSetFile workbook : workbooks) {
            try {
                WorkbookFormat.requireXlsxName(workbook.name());
                Recognised found = WorkbookRecognition.recognise(ruleSet, workbook.name(), workbook.content(), known);
                RuleSetFile other = uploaded.putIfAbsent(found.workbook(), workbook);
                if (other != null) {
                    problems.add(RuleSetProblem.of(workbook.name(), null, null, "workbook.twice", other.name(),
                            found.workbook()));
                }
                found.base().filter(base -> base != active.sequence()).ifPresent(base -> bases.put(found.workbook(), base));
            } catch (WorkbookRejected e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        List<Rebase.Conflict> conflicts = new ArrayList<>();
        List<RuleSetFile> files = before.stream().map(f -> {
            RuleSetFile upload = f.kind() == RuleSetFile.Kind.WORKBOOK ? uploaded.get(f.name()) : null;
            if (upload == null) {
                return f;
            }
            Integer base = bases.get(f.name());
            byte[] content = base == null ? upload.content() : rebased(ruleSet, base, f, upload, conflicts);
            return new RuleSetFile(RuleSetFile.Kind.WORKBOOK, f.name(), content);
        }).toList();
        if (!conflicts.isEmpty()) {
            throw Rebase.refused(conflicts, bases.values().iterator().next(), active.sequence());
        }
        return files;
    }

    /** The upload carried over from its base onto the active workbook {@code active}. */
    private byte[] rebased(String ruleSet, int base, RuleSetFile active, RuleSetFile upload,
                           List<Rebase.Conflict> conflicts) {
        Optional<RuleSetFile> original = store.files(ruleSet, base).stream()
                .filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK && f.name().equals(active.name())).findFirst();
        if (original.isEmpty() || Arrays.equals(original.get().content(), active.content())) {
            // the base is unknown here (another database) or this workbook did not change since: as today
            return upload.content();
        }
        return Rebase.onto(active.name(), original.get().content(), upload.content(), active.content(), conflicts);
    }
}
