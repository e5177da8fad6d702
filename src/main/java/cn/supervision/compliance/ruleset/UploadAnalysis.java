package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.ruleset.VersionAnalysis.SheetCoverage;
import cn.supervision.compliance.ruleset.VersionAnalysis.TableWarning;
import cn.supervision.compliance.text.Texts;

/**
 * What the approver of an uploaded version is shown beside its diff (issue 22, point 5): the gaps of its tables, the
 * rule rows its test cases fire against the active version's, and, as such, the test cases it removes and the
 * expectations (the 预期… columns of a test sheet) it changes. An editor who deletes every test case and relaxes a
 * threshold in one upload is accepted, but the approver reads "删除测试用例 5 条" and the fall in coverage first.
 */
@Component
class UploadAnalysis {

    private static final String EXPECTED = "预期";

    private final VersionBuilds builds;

    UploadAnalysis(VersionBuilds builds) {
        this.builds = builds;
    }

    VersionAnalysis of(RuleSetVersion active, List<RuleSetFile> files, List<Change> changes,
                       VersionBuilds.Candidate candidate, List<TableWarning> warnings) {
        List<SheetCoverage> before = active.analysis() != null ? active.analysis().coverage() : builds.coverage(active);
        int activeCovered = before.stream().mapToInt(SheetCoverage::covered).sum();
        int activeTotal = before.stream().mapToInt(SheetCoverage::total).sum();
        int covered = candidate.coverage().stream().mapToInt(SheetCoverage::covered).sum();
        int total = candidate.coverage().stream().mapToInt(SheetCoverage::total).sum();
        List<String> removed = removed(active.testResults(), candidate.results());
        Set<String> testSheets = new HashSet<>();
        active.testResults().forEach(r -> testSheets.add(r.file() + "\u0000" + r.sheet()));
        candidate.results().forEach(r -> testSheets.add(r.file() + "\u0000" + r.sheet()));
        List<String> expectations = expectations(files, changes, testSheets);
        List<String> notices = new ArrayList<>();
        if (!removed.isEmpty()) {
            notices.add(Texts.of("analysis.tests-removed", removed.size(), String.join("、", removed)));
        }
        if (!expectations.isEmpty()) {
            notices.add(Texts.of("analysis.expectations-changed", expectations.size(),
                    String.join(Texts.of("workbook.separator"), expectations)));
        }
        if (activeTotal > 0 && (total == 0 || (long) covered * activeTotal < (long) activeCovered * total)) {
            notices.add(Texts.of("analysis.coverage-fell", activeCovered, activeTotal, percent(activeCovered, activeTotal),
                    covered, total, percent(covered, total)));
        }
        warnings.forEach(w -> notices.add(w.message()));
        return new VersionAnalysis(warnings, candidate.coverage(), covered, total, activeCovered, activeTotal, removed,
                expectations, notices);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    /** The names of the active version's test cases the new one no longer has (each as often as it lost it). */
    private static List<String> removed(List<TestCaseResult> before, List<TestCaseResult> after) {
        Map<String, Long> left = after.stream().collect(Collectors.groupingBy(TestCaseResult::name, Collectors.counting()));
        Map<String, Long> seen = new HashMap<>();
        List<String> removed = new ArrayList<>();
        for (TestCaseResult result : before) {
            long count = seen.merge(result.name(), 1L, Long::sum);
            if (count > left.getOrDefault(result.name(), 0L)) {
                removed.add(result.name());
            }
        }
        return removed;
    }

    /**
     * The changed cells of the test sheets that lie in an expectation column (the heading above starts with 预期), as
     * {@code 测试用例!P5（预期：未达标指标）R6 → 空}.
     */
    private static List<String> expectations(List<RuleSetFile> files, List<Change> changes, Set<String> testSheets) {
        List<String> found = new ArrayList<>();
        Map<String, List<ChangedCell>> byFile = changes.stream()
                .filter(c -> c instanceof ChangedCell cell && cell.cell() != null
                        && testSheets.contains(c.file() + "\u0000" + c.sheet()))
                .map(ChangedCell.class::cast)
                .collect(Collectors.groupingBy(ChangedCell::file));
        for (RuleSetFile file : files) {
            List<ChangedCell> cells = byFile.get(file.name());
            if (cells == null) {
                continue;
            }
            try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
                for (ChangedCell cell : cells) {
                    String heading = heading(workbook.getSheet(cell.sheet()), new CellReference(cell.cell()));
                    if (heading.startsWith(EXPECTED)) {
                        found.add(Texts.of("analysis.expectation", cell.sheet(), cell.cell(), heading,
                                blank(cell.before()), blank(cell.after())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The nearest heading above a cell: the last row above it that has a 预期… column, that row's text there. */
    private static String heading(Sheet sheet, CellReference at) {
        for (int r = at.getRow() - 1; sheet != null && r >= 0; r--) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean headingRow = false;
            for (int c = 0; c < row.getLastCellNum() && !headingRow; c++) {
                headingRow = ValuesOnly.text(row.getCell(c)).strip().startsWith(EXPECTED);
            }
            if (headingRow) {
                return ValuesOnly.text(row.getCell(at.getCol())).strip();
            }
        }
        return "";
    }

    private static String blank(String value) {
        return value == null ? Texts.of("analysis.blank") : value;
    }
}
