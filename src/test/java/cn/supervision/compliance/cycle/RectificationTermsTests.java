package cn.supervision.compliance.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.supervision.compliance.facts.RectificationTerm;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/**
 * Every check that can open a rectification item (every code of a remedy table) has a deadline (整改期限) in the
 * shipped workbooks, with the seed clause or the documented default it rests on, and the rule base answers the months
 * the workbook's row sets.
 */
class RectificationTermsTests {

    @ParameterizedTest
    @CsvSource({
            "balanced-development, balanced-development/resource-allocation.xlsx, 整改措施, RuleTable 整改措施, RuleTable 整改期限",
            "balanced-development, balanced-development/county-assessment.xlsx, 评估整改措施, RuleTable 评估整改措施, RuleTable 评估整改期限",
            "curriculum, curriculum/curriculum.xlsx, 整改责任, RuleTable 整改责任, RuleTable 整改期限",
            "district-targets, district-targets/district-targets.xlsx, 整改责任, RuleTable 整改责任, RuleTable 整改期限"})
    void everyRemedyRowHasADeadlineWithItsSource(String ruleSet, String file, String sheet, String remedyTable,
                                                 String termTable) throws IOException {
        Map<String, String> remedies = table(file, sheet, remedyTable, 4);
        Map<String, String> months = table(file, sheet, termTable, 1);
        Map<String, String> sources = table(file, sheet, termTable, 2);
        assertThat(remedies).isNotEmpty();
        assertThat(months.keySet()).containsAll(remedies.keySet());

        Map<String, RectificationTerm> terms = RectificationTerms.terms(rules(ruleSet), remedies.keySet());
        assertThat(terms.keySet()).containsExactlyInAnyOrderElementsOf(remedies.keySet());
        terms.values().forEach(term -> {
            assertThat(term.months()).as(term.indicator()).isEqualTo(Integer.parseInt(months.get(term.indicator())))
                    .isPositive();
            assertThat(term.source()).as(term.indicator()).isEqualTo(sources.get(term.indicator())).isNotBlank();
            assertThat(term.rule()).startsWith(termTable.substring("RuleTable ".length()));
        });
    }

    private static CompiledRuleSet rules(String ruleSet) {
        return switch (ruleSet) {
            case "balanced-development" -> ShippedRuleSets.balancedDevelopment();
            case "curriculum" -> ShippedRuleSets.curriculum();
            default -> ShippedRuleSets.districtTargets();
        };
    }

    /** Column {@code column} of the value rows of a rule table, by the row's first cell (the indicator code). */
    private static Map<String, String> table(String file, String sheetName, String table, int column)
            throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(ShippedRuleSets.DECISION_TABLES.resolve(Path.of(file)));
             Workbook workbook = WorkbookFactory.create(in)) {
            DataFormatter text = new DataFormatter();
            Sheet sheet = workbook.getSheet(sheetName);
            int start = -1;
            int next = -1;
            for (Row row : sheet) {
                String first = text.formatCellValue(row.getCell(0)).strip();
                if (first.equals(table)) {
                    start = row.getRowNum() + 5;
                    next = start;
                }
                if (start >= 0 && row.getRowNum() >= start) {
                    if (first.isEmpty() || row.getRowNum() != next++) {
                        break; // the first blank row ends the table
                    }
                    values.put(first, text.formatCellValue(row.getCell(column)).strip());
                }
            }
        }
        return values;
    }
}
