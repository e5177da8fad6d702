package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        Tokenised tokenised = tokenise(ruleSet, files);
        try {
            RuleSetCompiler.CompilerInput input = compiler.input(ruleSet, tokenised.compilable());
            return compiler.compile(input, RuleSetCompiler.hash(files), files.stream().map(RuleSetFile::name).toList(),
                    tokenised.texts());
        } catch (RuleSetRejected e) {
            throw new WorkbookRejected(e.problems());
        }
    }

    /** Every DRL text the compiler receives for {@code files} (CompilerInputTests reads it). */
    List<String> compilerInput(String ruleSet, List<RuleSetFile> files) {
        return List.copyOf(compiler.input(ruleSet, tokenise(ruleSet, files).compilable()).texts().values());
    }

    private record Tokenised(List<RuleSetFile> compilable, RowCatalogue texts) {
    }

    private Tokenised tokenise(String ruleSet, List<RuleSetFile> files) {
        RowCatalogue.Builder texts = new RowCatalogue.Builder();
        CodeReferences codes = new CodeReferences();
        List<RuleSetProblem> problems = new ArrayList<>();
        List<RuleSetFile> compilable = new ArrayList<>();
        for (RuleSetFile file : files) {
            try {
                compilable.add(file.kind() == RuleSetFile.Kind.WORKBOOK
                        ? new RuleSetFile(file.kind(), file.name(), compilerWorkbook(ruleSet, file, texts, codes)) : file);
            } catch (WorkbookRejected e) {
                problems.addAll(e.problems());
            }
        }
        problems.addAll(codes.problems());
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return new Tokenised(compilable, texts.build());
    }

    private byte[] compilerWorkbook(String ruleSet, RuleSetFile file, RowCatalogue.Builder texts, CodeReferences codes) {
        ApprovedTemplate template = templates.of(ruleSet, file.name()).orElseThrow(() -> WorkbookRejected.of(file.name(),
                "workbook.no-template", ruleSet));
        try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
            return ValuesOnly.check(file.name(), workbook, template, texts, codes);
        } catch (IOException e) {
            throw WorkbookRejected.of(file.name(), "workbook.unreadable");
        }
    }
}
