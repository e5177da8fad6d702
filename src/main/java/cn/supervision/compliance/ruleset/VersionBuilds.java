package cn.supervision.compliance.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.ruleset.VersionAnalysis.SheetCoverage;
import cn.supervision.compliance.text.Texts;

/**
 * The rule base of each version and the checks it passed: values only, compile, the workbooks' own test cases. A
 * version is stored only after passing them; its rule base is kept in memory (the few most recent), in the
 * {@link RuleBaseCache}, or built and tested again.
 */
@Component
public class VersionBuilds {

    private static final Logger log = LoggerFactory.getLogger(VersionBuilds.class);
    private static final int COMPILED_KEPT = 4;

    private final RuleSetBuilder builder;
    private final RuleSetVersionStore store;
    private final RuleBaseCache cache;
    private final Map<String, WorkbookTestCases> testCases;
    private final Map<String, CompiledRuleSet> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > COMPILED_KEPT;
        }
    };

    public VersionBuilds(RuleSetBuilder builder, RuleSetVersionStore store, RuleBaseCache cache,
                         List<WorkbookTestCases> testCases) {
        this.builder = builder;
        this.store = store;
        this.cache = cache;
        this.testCases = testCases.stream().collect(Collectors.toMap(WorkbookTestCases::ruleSet, Function.identity()));
    }

    /**
     * A version that passed the checks: its rule base, its test results and the rule rows they fired per sheet
     * ({@link TestCoverage}).
     */
    public record Candidate(CompiledRuleSet compiled, List<TestCaseResult> results, List<SheetCoverage> coverage) {
    }

    /**
     * Checks {@code files} and stores them as a new version ({@code base}: the version they were edited from, null for
     * the first); {@link WorkbookRejected} with every problem otherwise.
     */
    RuleSetVersion store(String ruleSet, List<RuleSetFile> files, List<Change> changes, String uploader, String comment,
                         Integer base) {
        Candidate candidate = check(ruleSet, files);
        return store(ruleSet, files, changes, uploader, comment, base, candidate,
                VersionAnalysis.coverageOnly(candidate.coverage()));
    }

    /** Stores a version whose checks already passed ({@code candidate}), with what its tables showed. */
    RuleSetVersion store(String ruleSet, List<RuleSetFile> files, List<Change> changes, String uploader, String comment,
                         Integer base, Candidate candidate, VersionAnalysis analysis) {
        int sequence = store.save(ruleSet, candidate.compiled().version(), uploader, comment, files, changes,
                candidate.results(), base, analysis);
        cache.save(candidate.compiled());
        remember(candidate.compiled());
        log.info("rule set {} version {} ({}) stored, uploaded by {}", ruleSet, sequence, candidate.compiled().version(),
                uploader);
        return store.find(ruleSet, sequence).orElseThrow();
    }

    /**
     * The rule base of a stored version: kept in memory, else loaded from the {@link RuleBaseCache} (built and tested
     * by this release from this version's files), else built and tested again and cached.
     */
    public CompiledRuleSet compiled(RuleSetVersion version) {
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

    /** Values only, compile, test: the checks every version passes before it is stored or activated. */
    public Candidate check(String ruleSet, List<RuleSetFile> files) {
        CompiledRuleSet built = builder.build(ruleSet, files);
        List<RuleSetProblem> problems = new ArrayList<>();
        TestCoverage coverage = new TestCoverage(built);
        List<TestCaseResult> results = tests(ruleSet, coverage.recording(), files, problems);
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return new Candidate(built, results, coverage.sheets());
    }

    /** The rule rows a stored version's own test cases fire, per sheet (for a version stored without them). */
    List<SheetCoverage> coverage(RuleSetVersion version) {
        TestCoverage coverage = new TestCoverage(compiled(version));
        tests(version.ruleSet(), coverage.recording(), store.files(version.ruleSet(), version.sequence()), new ArrayList<>());
        return coverage.sheets();
    }

    /** The results of the workbooks' test cases on {@code built}; each failure added to {@code problems}. */
    List<TestCaseResult> tests(String ruleSet, CompiledRuleSet built, List<RuleSetFile> files,
                               List<RuleSetProblem> problems) {
        WorkbookTestCases tests = testCases.get(ruleSet);
        List<TestCaseResult> results = tests == null ? List.of() : tests.run(built, files);
        for (TestCaseResult result : results) {
            if (!result.passed()) {
                problems.add(RuleSetProblem.of(result.file(), result.sheet(), result.rows(), "test-case.failed",
                        result.name(), String.join(Texts.of("workbook.separator"), result.failures())));
            }
        }
        return results;
    }
}
