package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.ruleset.ApprovedTemplate.SheetTemplate;
import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;
import cn.supervision.compliance.text.Texts;

/**
 * Which workbook of a rule set an uploaded file is, by what it holds rather than what it is called (a browser saves a
 * second download as "resource-allocation (1).xlsx"): the workbook of the rule set with the most of its sheets and
 * rule tables in the file, provided the file holds more than half of them (every rule set has a sheet 管辖区域, so one
 * shared sheet makes no workbook). A file holding no workbook's, or as many of two workbooks', is refused, saying
 * which sheets each workbook has.
 */
final class WorkbookRecognition {

    private static final String RULE_TABLE = "RuleTable ";

    private WorkbookRecognition() {
    }

    /**
     * Which workbook an uploaded file is ({@code workbook}: its name in the rule set) and the version it was downloaded
     * from ({@code base}, its {@link BaseVersion} property), read in the same opening of the file.
     */
    record Recognised(String workbook, Optional<Integer> base) {
    }

    /** The rule set's workbook that {@code content} is; {@link WorkbookRejected} naming the file if none. */
    static Recognised recognise(String ruleSet, String file, byte[] content, List<ApprovedTemplate> workbooks) {
        Set<String> sheets = new HashSet<>();
        Set<String> tables = new HashSet<>();
        Optional<Integer> base;
        try (XSSFWorkbook workbook = WorkbookFormat.open(file, content)) {
            base = BaseVersion.of(workbook, ruleSet);
            for (Sheet sheet : workbook) {
                sheets.add(sheet.getSheetName());
                for (Row row : sheet) {
                    String first = ValuesOnly.text(row.getCell(0)).strip();
                    if (first.startsWith(RULE_TABLE)) {
                        tables.add(first.substring(RULE_TABLE.length()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ApprovedTemplate, Integer> scores = workbooks.stream().collect(Collectors.toMap(t -> t, t -> score(t, sheets, tables)));
        int best = scores.values().stream().max(Integer::compare).orElse(0);
        List<ApprovedTemplate> found = workbooks.stream()
                .filter(t -> scores.get(t) == best && 2 * best > score(t, null, null)).toList();
        if (found.size() == 1) {
            return new Recognised(found.get(0).workbook(), base);
        }
        throw found.isEmpty() ? WorkbookRejected.of(file, "workbook.unknown", ruleSet, expected(workbooks))
                : WorkbookRejected.of(file, "workbook.ambiguous", found.size(), expected(found));
    }

    /** How many of the template's sheets and rule tables the file holds (null: the template's own count). */
    private static int score(ApprovedTemplate template, Set<String> sheets, Set<String> tables) {
        int score = 0;
        for (SheetTemplate sheet : template.sheets()) {
            score += sheets == null || sheets.contains(sheet.name()) ? 1 : 0;
            for (TableTemplate table : sheet.tables()) {
                score += tables == null || tables.contains(table.name()) ? 1 : 0;
            }
        }
        return score;
    }

    /** Each workbook with the sheets it holds, for a person to see what to upload. */
    private static String expected(List<ApprovedTemplate> workbooks) {
        return workbooks.stream().map(t -> Texts.of("workbook.expected-sheets", t.workbook(),
                        t.sheets().stream().map(SheetTemplate::name).collect(Collectors.joining("、"))))
                .collect(Collectors.joining(Texts.of("workbook.separator")));
    }
}
