package cn.supervision.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.ruleset.WorkbookRejected;

/**
 * A class-A indicator whose figure is an existing data item is a workbook change only (README, "Adding an indicator"):
 * one row in 指标体系 and one in A类指标标准 of a copy of the shipped workbook, and the county assessment reports it,
 * judges it on the data item and lets it decide recognition. A row naming an indicator 指标体系 does not define is
 * refused at upload, naming the cell.
 */
class AddingAnIndicatorTests {

    private static final String WORKBOOK = "county-assessment.xlsx";
    private static final BigDecimal LIMIT = new BigDecimal("17");

    @TempDir
    Path decisionTables;

    @Test
    void aNewClassAIndicatorOnAnExistingDataItemIsOneRowInEachOfTwoSheets() throws IOException {
        copyShipped();
        edit(book -> {
            append(book.getSheet("指标体系"), "X01", "资源配置", "小学生师比（本地加严）", "A", null, "本地督导文件第1条", "national");
            append(book.getSheet("A类指标标准"), "X01", "生师比", "小学", null, null, "小学生师比", "∶1", "≤" + LIMIT, "national");
        });
        CompiledRuleSet edited = ShippedRuleSets.compile(decisionTables, "balanced-development");
        CountySubject county = sample();

        EvaluationResult before = CountyRulesTests.evaluate(ShippedRuleSets.balancedDevelopment(), "national", county);
        EvaluationResult after = CountyRulesTests.evaluate(edited, "national", county);

        assertThat(before.checks()).extracting(CheckResult::code).doesNotContain("X01");
        CheckResult added = after.checks().stream().filter(c -> c.code().equals("X01")).findFirst().orElseThrow();
        assertThat(added.name()).isEqualTo("小学生师比（本地加严）");
        assertThat(added.category()).isEqualTo("A");
        // the primary sections of the sample whose students per staff post exceed the new limit fail it
        List<String> over = primarySectionsOver(LIMIT);
        assertThat(over).isNotEmpty();
        assertThat(added.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(added.failing()).hasSameSizeAs(over)
                .allSatisfy(failing -> assertThat(over).anyMatch(id -> failing.startsWith(id + "（小学）")
                        || failing.contains("（" + id + "，小学）")));   // named: 第一小学（S1，小学）
        assertThat(CountyResults.county(after).decision().reasons()).anyMatch(reason -> reason.contains("X01"));
        assertThat(after.checks().stream().filter(c -> c.code().equals("G10")).findFirst().orElseThrow().verdict())
                .isEqualTo(before.checks().stream().filter(c -> c.code().equals("G10")).findFirst().orElseThrow().verdict());
    }

    @Test
    void aRowNamingAnUndefinedIndicatorIsRefusedAtItsCell() throws IOException {
        copyShipped();
        int row = edit(book -> append(book.getSheet("A类指标标准"), "X02", "生师比", "小学", null, null, "小学生师比", "∶1", "≤17", "national"));

        WorkbookRejected rejected = org.assertj.core.api.Assertions.catchThrowableOfType(WorkbookRejected.class,
                () -> ShippedRuleSets.compile(decisionTables, "balanced-development"));
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo("A类指标标准");
            assertThat(problem.cell()).isEqualTo("A" + row);
            assertThat(problem.message()).contains("“X02”");
        });
    }

    @Test
    void aRowNamingAnUnknownDataItemIsRefusedAtItsCell() throws IOException {
        copyShipped();
        int row = edit(book -> append(book.getSheet("A类指标标准"), "G10", "生师比例", "小学", null, null, "小学生师比", "∶1", "≤17", "national"));

        WorkbookRejected rejected = org.assertj.core.api.Assertions.catchThrowableOfType(WorkbookRejected.class,
                () -> ShippedRuleSets.compile(decisionTables, "balanced-development"));
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("B" + row);
            assertThat(problem.message()).contains("“生师比例”不是以下之一");
        });
    }

    private interface BookEdit {
        void apply(XSSFWorkbook book);
    }

    private void copyShipped() throws IOException {
        Path from = ShippedRuleSets.DECISION_TABLES.resolve("balanced-development");
        Path to = Files.createDirectories(decisionTables.resolve("balanced-development"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Edits the copy; returns the Excel row of the last row appended. */
    private int edit(BookEdit edit) throws IOException {
        Path file = decisionTables.resolve("balanced-development").resolve(WORKBOOK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            edit.apply(book);
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return book.getSheet("A类指标标准").getLastRowNum() + 1;
        }
    }

    /** A row after the last one of the sheet's (only) table, as a policy editor adds one. */
    private static void append(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c].toString());
            }
        }
    }

    private static JsonNode sampleJson() throws IOException {
        return new ObjectMapper().readTree(Files.readString(CountyAssessmentTests.SAMPLE)).get("subject");
    }

    private static CountySubject sample() throws IOException {
        return new ObjectMapper().findAndRegisterModules().treeToValue(sampleJson(), CountySubject.class);
    }

    private static List<String> primarySectionsOver(BigDecimal limit) throws IOException {
        return Stream.of(sampleJson().get("schools")).flatMap(schools -> {
            List<String> ids = new java.util.ArrayList<>();
            schools.forEach(school -> school.get("sections").forEach(section -> {
                if (section.get("stage").asText().equals("PRIMARY") && section.hasNonNull("staffQuota")
                        && new BigDecimal(section.get("students").asText())
                        .compareTo(limit.multiply(new BigDecimal(section.get("staffQuota").asText()))) > 0) {
                    ids.add(school.get("id").asText());
                }
            }));
            return ids.stream();
        }).toList();
    }
}
