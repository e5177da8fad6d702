package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kie.api.KieBase;
import org.springframework.stereotype.Component;

/**
 * The one way from a rule set's files to a rule base: each workbook is checked against its approved template and
 * turned into a {@link CompilerWorkbook} (values as printed tokens, free text into the {@link RowCatalogue}), then the
 * compiler workbooks and the developers' DRL are compiled, errors mapped back to cells. An uploaded workbook itself is
 * never handed to a compiler.
 */
@Component
public class RuleSetBuilder {

    private final ApprovedTemplates templates;
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    public RuleSetBuilder(ApprovedTemplates templates) {
        this.templates = templates;
    }

    /** The rule base of {@code files}, versioned by their hash; {@link WorkbookRejected} naming every bad cell. */
    public CompiledRuleSet build(String ruleSet, List<RuleSetFile> files) {
        return compile(prepare(ruleSet, files));
    }

    /**
     * A rule set's files checked and turned into the compiler's input, with the origin of every rule and the
     * catalogue of texts: everything of a build but the slow part, compiling the rule base. {@link WorkbookRejected}
     * naming every bad cell.
     */
    Prepared prepare(String ruleSet, List<RuleSetFile> files) {
        Tokenised tokenised = tokenise(ruleSet, files);
        try {
            return new Prepared(RuleSetCompiler.hash(files), files, compiler.input(ruleSet, tokenised.compilable()),
                    tokenised.texts());
        } catch (RuleSetRejected e) {
            throw new WorkbookRejected(e.problems());
        }
    }

    CompiledRuleSet compile(Prepared prepared) {
        try {
            return prepared.with(compiler.compile(prepared.input(), prepared.version()),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
        } catch (RuleSetRejected e) {
            throw new WorkbookRejected(e.problems());
        }
    }

    /** A version's files ready to compile: {@code input} is exactly what the compiler would receive. */
    record Prepared(String version, List<RuleSetFile> files, RuleSetCompiler.CompilerInput input, RowCatalogue texts) {

        String ruleSet() {
            return input.ruleSet();
        }

        List<String> fileNames() {
            return files.stream().map(RuleSetFile::name).toList();
        }

        /** SHA-256 over every DRL text the compiler receives, by path: what a compiled rule base was built from. */
        String inputHash() {
            return RuleSetCompiler.sha256(digest -> input.texts().forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }));
        }

        /** The rule set of this input served by {@code kieBase}, which was built from it at {@code builtAt}. */
        CompiledRuleSet with(KieBase kieBase, Instant builtAt) {
            return new CompiledRuleSet(ruleSet(), version, builtAt, fileNames(), kieBase, Map.copyOf(input.origins()),
                    texts);
        }
    }

    /** Every DRL text the compiler receives for {@code files}, by path: for showing a row's rule and for tests. */
    public List<String> compilerInput(String ruleSet, List<RuleSetFile> files) {
        return List.copyOf(compiler.input(ruleSet, tokenise(ruleSet, files).compilable()).texts().values());
    }

    private record Tokenised(List<RuleSetFile> compilable, RowCatalogue texts) {
    }

    private Tokenised tokenise(String ruleSet, List<RuleSetFile> files) {
        RowCatalogue.Builder texts = new RowCatalogue.Builder();
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleSetFile> compilable = new ArrayList<>();
        for (RuleSetFile file : files) {
            try {
                compilable.add(file.kind() == RuleSetFile.Kind.WORKBOOK
                        ? new RuleSetFile(file.kind(), file.name(), compilerWorkbook(ruleSet, file, texts)) : file);
            } catch (WorkbookRejected e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return new Tokenised(compilable, texts.build());
    }

    private byte[] compilerWorkbook(String ruleSet, RuleSetFile file, RowCatalogue.Builder texts) {
        ApprovedTemplate template = templates.of(ruleSet, file.name()).orElseThrow(() -> new WorkbookRejected(file.name(),
                "is not a workbook of rule set " + ruleSet + " (no approved template of that name)"));
        try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
            return ValuesOnly.check(file.name(), workbook, template, texts);
        } catch (IOException e) {
            throw new WorkbookRejected(file.name(), "cannot be read");
        }
    }
}
