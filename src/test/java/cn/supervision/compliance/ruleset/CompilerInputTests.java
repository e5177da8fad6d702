package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the compiler receives for every shipped rule set holds no character of any free-text cell: the DRL generated
 * from the compiler workbooks names texts by number only, and the catalogue holds each text as typed.
 */
class CompilerInputTests {

    private static final String MARKER = "ZQXMARK";

    @ParameterizedTest
    @ValueSource(strings = {"balanced-development", "curriculum", "district-targets"})
    void noTextOfTheShippedWorkbooksReachesTheCompiler(String ruleSet) {
        List<RuleSetFile> files = ShippedRuleSets.files(ShippedRuleSets.DECISION_TABLES, ruleSet);
        RowCatalogue texts = ShippedRuleSets.builder().build(ruleSet, files).texts();
        String compiled = String.join("\n", ShippedRuleSets.builder().compilerInput(ruleSet, files));

        Set<String> closedLists = files.stream().filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK)
                .flatMap(f -> ShippedRuleSets.templates().of(ruleSet, f.name()).orElseThrow().enumerations().values().stream())
                .flatMap(List::stream).collect(Collectors.toSet());

        assertThat(texts.entries()).hasSizeGreaterThan(20);
        assertThat(compiled).contains("texts.at(");
        // short texts (a unit such as 人) may coincide with code or a table's name, and a name may be a data item's
        // too (a closed-list value the loader prints); no other text of six characters or more is there
        texts.entries().stream().map(e -> e.text().strip())
                .filter(text -> text.length() >= 6 && closedLists.stream().noneMatch(value -> value.contains(text)))
                .forEach(text -> assertThat(compiled).as("compiler input").doesNotContain(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"balanced-development", "curriculum", "district-targets"})
    void aMarkerInEveryTextCellIsInTheCatalogueAndNowhereInTheCompilerInput(String ruleSet) {
        List<RuleSetFile> files = ShippedRuleSets.files(ShippedRuleSets.DECISION_TABLES, ruleSet).stream()
                .map(f -> f.kind() == RuleSetFile.Kind.WORKBOOK
                        ? new RuleSetFile(f.kind(), f.name(), marked(ruleSet, f)) : f)
                .toList();
        RowCatalogue texts = ShippedRuleSets.builder().build(ruleSet, files).texts();
        String compiled = String.join("\n", ShippedRuleSets.builder().compilerInput(ruleSet, files));

        assertThat(texts.entries()).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.text()).isEqualTo(MARKER + "\"); " + entry.cell() + " //"));
        assertThat(compiled).doesNotContain(MARKER).doesNotContain("//\"");
    }

    /** The workbook with every non-blank value cell of its text columns holding a marker and a quote. */
    private static byte[] marked(String ruleSet, RuleSetFile file) {
        ApprovedTemplate template = ShippedRuleSets.templates().of(ruleSet, file.name()).orElseThrow();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            for (ApprovedTemplate.SheetTemplate sheetTemplate : template.sheets()) {
                Sheet sheet = book.getSheet(sheetTemplate.name());
                for (ApprovedTemplate.TableTemplate table : sheetTemplate.tables()) {
                    for (Cell cell : textCells(sheet, table)) {
                        cell.setCellValue(MARKER + "\"); " + cell.getAddress().formatAsString() + " //");
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Cell> textCells(Sheet sheet, ApprovedTemplate.TableTemplate table) {
        int title = -1;
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals("RuleTable " + table.name())) {
                title = row.getRowNum();
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int r = title + 1 + table.rows().size(); sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            if (ValuesOnly.text(row.getCell(0)).isBlank() && ValuesOnly.text(row.getCell(1)).isBlank()) {
                break;
            }
            for (int c = 0; c < table.types().size(); c++) {
                Cell cell = row.getCell(c);
                if (table.types().get(c).equals("text") && cell != null && !ValuesOnly.text(cell).isBlank()) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }
}
