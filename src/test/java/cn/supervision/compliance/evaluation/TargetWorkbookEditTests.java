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
import cn.supervision.compliance.checkrows.TargetResults;

/**
 * Policy staff move a target's year or a row's jurisdiction, or add a node of the jurisdiction tree with its own row,
 * in a copy of the shipped workbook; no Java changes.
 */
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
    void movingARowUpToTheRootAppliesItEverywhere() throws IOException {
        ObjectNode district = TargetChecks.sampleSubject("district-daxing.json");
        assertThat(checks(DistrictTargetsRulesTests.evaluate(ShippedRuleSets.districtTargets(), district, "national"),
                "D09")).isEmpty();

        edit("D09", JURISDICTION, "national");
        CompiledRuleSet rules = copy();

        assertThat(checks(DistrictTargetsRulesTests.evaluate(rules, district, "national"), "D09")).hasSize(1);
        assertThat(checks(DistrictTargetsRulesTests.evaluate(rules, district, "hunan"), "D09")).hasSize(1);
        assertThat(TargetResults.listing(rules).indicators()).filteredOn(i -> i.code().equals("D09"))
                .extracting(RuleSetIndicators.Indicator::jurisdiction).containsExactly("national", "daxing");
    }

    @Test
    void aDistrictAddsItsOwnNodeAndAStricterRowInExcelWithNoCodeChange() throws IOException {
        append("管辖区域", "hangzhou", "zhejiang", "浙江省杭州市", "3301", "city");
        append("管辖区域", "xihu", "hangzhou", "浙江省杭州市西湖区", "330106", "district");
        append("检查项", "district", "D07", "义务教育教师平均工资收入高于当地公务员", "teacherAveragePay", "xihu", "对照值",
                "≥105%", "元", null, null, "教师平均工资不低于当地公务员的105%", "西湖区实施方案（测试）");
        CompiledRuleSet rules = copy();
        ObjectNode district = TargetChecks.sampleSubject("district-daxing.json");
        district.put("teacherAveragePay", 170000).put("civilServantAveragePay", 165000);

        EvaluationResult xihu = DistrictTargetsRulesTests.evaluate(rules, district, "xihu");
        assertThat(xihu.jurisdictionChain()).containsExactly("national", "zhejiang", "hangzhou", "xihu");
        CheckResult d07 = check(xihu, "D07", null);
        assertThat(d07.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d07.requirement()).isEqualTo("教师平均工资不低于当地公务员的105%");
        assertThat(xihu.checks()).extracting(CheckResult::code).doesNotContain("D01", "D02", "D03", "D04", "D05", "D09");

        EvaluationResult zhejiang = DistrictTargetsRulesTests.evaluate(rules, district, "zhejiang");
        assertThat(check(zhejiang, "D07", null).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(check(zhejiang, "D07", null).rule().row()).isEqualTo(19);
    }

    /** Appends a row under the last one of a sheet of the copy (null: a blank cell). */
    private void append(String sheetName, String... values) throws IOException {
        Path target = copied();
        try (InputStream in = Files.newInputStream(target); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
    }

    private Path copied() throws IOException {
        Path target = decisionTables.resolve(WORKBOOK);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(ShippedRuleSets.DECISION_TABLES.resolve(WORKBOOK), target);
        }
        return target;
    }

    private CompiledRuleSet copy() {
        return ShippedRuleSets.compile(decisionTables, "district-targets");
    }

    /** Sets (or clears, when null) a cell of the first 检查项 row of that indicator; returns its 1-based Excel row. */
    private int edit(String code, int column, String value) throws IOException {
        Path target = copied();
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
