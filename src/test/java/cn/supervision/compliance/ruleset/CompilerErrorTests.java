package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

/** An error in the DRL generated from a workbook comes back as the sheet and cell of the rule, never a DRL line. */
class CompilerErrorTests {

    @Test
    void anErrorInGeneratedRuleCodeIsReportedAtTheCellsOfItsRows() {
        byte[] broken = Workbooks.withCell(Workbooks.shipped(), "差异系数", "C8", "insert(cv.minimumSections(\"$param\")) +;");
        List<RuleSetFile> files = List.of(new RuleSetFile(RuleSetFile.Kind.WORKBOOK, Workbooks.RESOURCE_ALLOCATION, broken));

        List<RuleSetProblem> problems = catchThrowableOfType(RuleSetRejected.class,
                () -> new RuleSetCompiler().compile("balanced-development", files)).problems();

        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(Workbooks.RESOURCE_ALLOCATION);
            assertThat(problem.sheet()).isEqualTo("差异系数");
            assertThat(problem.cell()).matches("A1[01]");
            assertThat(problem.toString()).doesNotContain("line").doesNotContain(".drl");
        });
    }
}
