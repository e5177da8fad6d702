package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.check;
import static cn.supervision.compliance.evaluation.TargetChecks.checks;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/** Policy staff move a target's year or a row's jurisdiction in a copy of the shipped workbook; no Java changes. */
class TargetWorkbookEditTests {

    private static final String WORKBOOK = "district-targets/district-targets.xlsx";
    private static final int JURISDICTION = 4;
    private static final int IN_FORCE_FROM = 9;

    @TempDir
    Path decisionTables;

    @Test
    void bringingATargetYearForwardAppliesItToAnEarlierEvaluation() throws IOException {
        ObjectNode district = TargetChecks.sampleSubject("district-daxing.json");
        EvaluationResult shipped = DistrictTargetsRulesTests.evaluate(ShippedRuleSets.districtTargets(), district, "daxing");
        assertThat(check(shipped, "D02", null).verdict()).isEqualTo(Verdict.NOT_YET_IN_FORCE);

        int row = edit("D02", IN_FORCE_FROM, "2026");
        EvaluationResult edited = DistrictTargetsRulesTests.evaluate(copy(), district, "daxing");

        CheckResult d02 = check(edited, "D02", null);
        assertThat(d02.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d02.rule().row()).isEqualTo(row);
        assertThat(edited.ruleSetVersion()).isNotEqualTo(shipped.ruleSetVersion());
    }

    @Test
    void clearingARowsJurisdictionAppliesItEverywhere() throws IOException {
        ObjectNode district = TargetChecks.sampleSubject("district-daxing.json");
        assertThat(checks(DistrictTargetsRulesTests.evaluate(ShippedRuleSets.districtTargets(), district, "national"),
                "D09")).isEmpty();

        edit("D09", JURISDICTION, null);
        CompiledRuleSet rules = copy();

        assertThat(checks(DistrictTargetsRulesTests.evaluate(rules, district, "national"), "D09")).hasSize(1);
        assertThat(TargetResults.listing(rules).indicators()).filteredOn(i -> i.code().equals("D09"))
                .extracting(RuleSetIndicators.Indicator::jurisdiction).containsExactly(null, "daxing");
    }

    private CompiledRuleSet copy() {
        return ShippedRuleSets.compile(decisionTables, "district-targets");
    }

    /** Sets (or clears, when null) a cell of the first 检查项 row of that indicator; returns its 1-based Excel row. */
    private int edit(String code, int column, String value) throws IOException {
        Path target = decisionTables.resolve(WORKBOOK);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(ShippedRuleSets.DECISION_TABLES.resolve(WORKBOOK), target);
        }
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(target); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("检查项");
            for (Row row : sheet) {
                if (code.equals(text.formatCellValue(row.getCell(1)))) {
                    Cell cell = row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    if (value == null) {
                        row.removeCell(cell);
                    } else {
                        cell.setCellValue(value);
                    }
                    try (OutputStream out = Files.newOutputStream(target)) {
                        workbook.write(out);
                    }
                    return row.getRowNum() + 1;
                }
            }
        }
        throw new IllegalArgumentException("no row " + code);
    }
}
