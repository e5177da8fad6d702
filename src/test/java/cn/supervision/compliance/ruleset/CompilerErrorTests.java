package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.Test;

/**
 * An error in the DRL generated from a compiler workbook (only a defect of the approved template can cause one, since
 * values reach the compiler as printed tokens) comes back as the sheet and cell of the rule, never a DRL line.
 */
class CompilerErrorTests {

    @Test
    void anErrorInGeneratedRuleCodeIsReportedAtTheCellsOfItsRows() throws IOException {
        byte[] compilerWorkbook;
        try (XSSFWorkbook shipped = WorkbookFormat.open(Workbooks.RESOURCE_ALLOCATION, Workbooks.shipped())) {
            compilerWorkbook = ValuesOnly.check(Workbooks.RESOURCE_ALLOCATION, shipped, ShippedRuleSets.templates()
                    .of("balanced-development", Workbooks.RESOURCE_ALLOCATION).orElseThrow(), new RowCatalogue.Builder(), new CodeReferences());
        }
        byte[] broken = Workbooks.withCell(compilerWorkbook, "差异系数", "C8", "insert(cv.minimumSections(\"$param\")) +;");
        List<RuleSetFile> files = List.of(new RuleSetFile(RuleSetFile.Kind.WORKBOOK, Workbooks.RESOURCE_ALLOCATION, broken));

        List<RuleSetProblem> problems = catchThrowableOfType(RuleSetRejected.class,
                () -> compile(files)).problems();

        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(Workbooks.RESOURCE_ALLOCATION);
            assertThat(problem.sheet()).isEqualTo("差异系数");
            assertThat(problem.cell()).matches("A1[01]");
            assertThat(problem.toString()).doesNotContain("line").doesNotContain(".drl");
        });
    }

    private static CompiledRuleSet compile(List<RuleSetFile> files) {
        RuleSetCompiler compiler = new RuleSetCompiler();
        return compiler.compile(compiler.input("balanced-development", files), "broken",
                List.of(Workbooks.RESOURCE_ALLOCATION), RowCatalogue.empty());
    }
}
