package cn.supervision.compliance.ruleset;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.ruleset.ApprovedTemplate.SheetTemplate;
import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;

/**
 * The grey rows of Java and Drools code a rule sheet holds (issue 22, point 7): the sheet's RuleSet, Import and
 * Variables rows, and above each table's yellow headings its {@code RuleTable} row and code rows. The approved template
 * holds them and every upload must reproduce them, so a downloaded workbook shows them hidden: a policy editor sees the
 * note of each sheet and the headings and values of each table. The rows keep their places, so every cell keeps the
 * address that problems and diffs name; an upload carries them back as they were.
 */
final class CodeRows {

    private static final String RULE_TABLE = "RuleTable ";
    /** The header row a person reads: what the sheet is for. */
    private static final String NOTES = "Notes";

    private CodeRows() {
    }

    static void hide(XSSFWorkbook workbook, ApprovedTemplate template) {
        for (SheetTemplate expected : template.sheets()) {
            Sheet sheet = workbook.getSheet(expected.name());
            if (sheet == null || expected.tables().isEmpty()) {
                continue;
            }
            Set<String> header = expected.header().stream().filter(r -> !r.isEmpty()).map(r -> r.get(0))
                    .filter(first -> !first.equals(NOTES)).collect(Collectors.toSet());
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String first = row == null ? "" : ValuesOnly.text(row.getCell(0)).strip();
                if (header.contains(first)) {
                    row.setZeroHeight(true);
                }
                if (!first.startsWith(RULE_TABLE)) {
                    continue;
                }
                TableTemplate table = expected.tables().stream()
                        .filter(t -> t.name().equals(first.substring(RULE_TABLE.length()))).findFirst().orElse(null);
                if (table == null) {
                    continue;
                }
                // the RuleTable row and every code row but the last, the yellow headings
                for (int c = 0; c < table.rows().size(); c++) {
                    Row code = sheet.getRow(r + c);
                    (code != null ? code : sheet.createRow(r + c)).setZeroHeight(true);
                }
            }
        }
    }
}
