package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.balanced.CountyBody;
import static cn.supervision.compliance.facts.Counties.county;
import static cn.supervision.compliance.facts.Counties.primaryAtThresholds;
import static cn.supervision.compliance.facts.Counties.school;
import static cn.supervision.compliance.facts.Counties.withTeachingArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/** Policy staff change a cell; verdicts change with no Java change: the copy of the shipped workbook is edited with POI. */
class WorkbookEditTests {

    private static final String WORKBOOK = "balanced-development/resource-allocation.xlsx";

    @TempDir
    Path decisionTables;

    private final CountySubject oneSchoolAtThresholds = county(school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)));

    @Test
    void raisingAThresholdCellTurnsAPassIntoAFailure() throws IOException {
        EvaluationResult shipped = CountyRulesTests.evaluate(ShippedRuleSets.balancedDevelopment(), "national",
                oneSchoolAtThresholds);
        assertThat(CountyRulesTests.indicator(CountyResults.county(shipped).sections().get(0), "R6").met()).isTrue();

        // R6 primary from ≥2000 to ≥2400: 2000 is 83.3 % of it, below the 85 % floor
        int row = edit("资源配置标准", "R6", "小学", 4, "≥2400");
        EvaluationResult edited = CountyRulesTests.evaluate(copy(), "national", oneSchoolAtThresholds);

        CountyBody.IndicatorResult r6 = CountyRulesTests.indicator(CountyResults.county(edited).sections().get(0), "R6");
        assertThat(r6.met()).isFalse();
        assertThat(r6.threshold()).isEqualByComparingTo("2400");
        assertThat(r6.rule().row()).isEqualTo(row);
        assertThat(CountyResults.county(edited).sections().get(0).passed()).isFalse();
        assertThat(edited.ruleSetVersion()).isNotEqualTo(shipped.ruleSetVersion());
    }

    @Test
    void theSchoolRuleIsAnEditableParameter() throws IOException {
        // one indicator just short: passes 6-of-7, fails when the minimum is raised to 7 (seed 004's stricter reading)
        CountySubject oneShort = county(school("A", SchoolType.PRIMARY,
                withTeachingArea(primaryAtThresholds(1000), "4400")));
        assertThat(CountyResults.county(CountyRulesTests.evaluate(oneShort)).sections().get(0).passed()).isTrue();

        edit("参数", "national", null, 1, "7");
        assertThat(CountyResults.county(CountyRulesTests.evaluate(copy(), "national", oneShort)).sections().get(0).passed()).isFalse();
    }

    private CompiledRuleSet copy() {
        return ShippedRuleSets.compile(decisionTables, "balanced-development");
    }

    /** Sets a value cell in the copy of the workbook; returns the 1-based Excel row edited. */
    private int edit(String sheetName, String key, String stage, int column, String value) throws IOException {
        Path target = decisionTables.resolve(WORKBOOK);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(ShippedRuleSets.DECISION_TABLES.resolve(WORKBOOK), target);
        }
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(target); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            for (Row row : sheet) {
                if (key.equals(text.formatCellValue(row.getCell(0)))
                        && (stage == null || stage.equals(text.formatCellValue(row.getCell(1))))) {
                    row.getCell(column).setCellValue(value);
                    try (OutputStream out = Files.newOutputStream(target)) {
                        workbook.write(out);
                    }
                    return row.getRowNum() + 1;
                }
            }
        }
        throw new IllegalArgumentException("no row " + key + " " + stage + " in sheet " + sheetName);
    }
}
