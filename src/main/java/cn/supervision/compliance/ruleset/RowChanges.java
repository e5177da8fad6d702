package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.ruleset.ApprovedTemplate.SheetTemplate;
import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;
import cn.supervision.compliance.text.Texts;

/**
 * What changed between two versions of a rule set, following rows rather than addresses. The value rows of each rule
 * table are identified by their key cells (the approved template's {@code rowKey}: indicator, stage, school type,
 * jurisdiction…); every other row of a sheet (the code rows, a test case's row, a note) by its whole content. Rows
 * found in both versions are compared cell by cell; a row found in both but out of order is one moved row; a row
 * inserted in the middle of a table is one added row, however many rows it pushes down. Rows left unmatched in the same
 * stretch between matched rows are taken as the same row edited (a key cell or a test row changed in place). Code rows
 * never differ between two accepted versions, so they never show. DRL files are compared as a whole.
 */
@Component
public class RowChanges {

    private static final String RULE_TABLE = "RuleTable ";
    private static final String WHOLE_FILE = "(file)";

    private final ApprovedTemplates templates;

    public RowChanges(ApprovedTemplates templates) {
        this.templates = templates;
    }

    public List<Change> between(String ruleSet, List<RuleSetFile> before, List<RuleSetFile> after) {
        Map<String, RuleSetFile> old = byName(before);
        Map<String, RuleSetFile> now = byName(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            RuleSetFile a = old.get(name);
            RuleSetFile b = now.get(name);
            if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
                continue;
            }
            RuleSetFile any = a != null ? a : b;
            if (any.kind() == RuleSetFile.Kind.DRL || a == null || b == null) {
                changes.add(new ChangedCell(name, null, null, a == null ? null : WHOLE_FILE, b == null ? null : WHOLE_FILE));
            } else {
                workbook(name, templates.of(ruleSet, name), a, b, changes);
            }
        }
        return changes;
    }

    /** One row as read: its 0-based index and the text of each cell from column A (blank as ""). */
    record Line(int row, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        List<String> key(List<Integer> columns) {
            return columns == null ? cells : columns.stream().map(this::cell).toList();
        }
    }

    /** The rows of one part of a sheet, and the columns that identify them (null: the whole row). */
    record Segment(List<Line> lines, List<Integer> key, List<String> labels) {
    }

    private void workbook(String name, Optional<ApprovedTemplate> template, RuleSetFile a, RuleSetFile b,
                          List<Change> changes) {
        try (XSSFWorkbook x = WorkbookFormat.open(name, a.content()); XSSFWorkbook y = WorkbookFormat.open(name, b.content())) {
            Set<String> sheets = new LinkedHashSet<>();
            x.forEach(sheet -> sheets.add(sheet.getSheetName()));
            y.forEach(sheet -> sheets.add(sheet.getSheetName()));
            for (String sheet : sheets) {
                SheetTemplate expected = template.flatMap(t -> t.sheets().stream()
                        .filter(s -> s.name().equals(sheet)).findFirst()).orElse(null);
                Map<String, Segment> before = segments(x.getSheet(sheet), expected);
                Map<String, Segment> after = segments(y.getSheet(sheet), expected);
                Set<String> parts = new LinkedHashSet<>(before.keySet());
                parts.addAll(after.keySet());
                for (String part : parts) {
                    Segment from = before.get(part);
                    Segment to = after.get(part);
                    Segment any = from != null ? from : to;
                    new Alignment(name, sheet, from == null ? List.of() : from.lines(), to == null ? List.of() : to.lines(),
                            any.key(), any.labels()).report(changes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a sheet in parts: the value rows of each rule table of the template (keyed by its row key), and every
     * other row with content (keyed by all of it). A table's value rows start under its four code rows and end at the
     * first empty row, as {@link ValuesOnly} reads them.
     */
    static Map<String, Segment> segments(Sheet sheet, SheetTemplate expected) {
        Map<String, Segment> segments = new LinkedHashMap<>();
        if (sheet == null) {
            return segments;
        }
        Map<String, TableTemplate> tables = new HashMap<>();
        if (expected != null) {
            expected.tables().forEach(t -> tables.put(RULE_TABLE + t.name(), t));
        }
        List<Line> other = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Line line = line(sheet.getRow(r));
            if (line == null) {
                continue;
            }
            other.add(line);
            TableTemplate table = tables.get(line.cell(0).strip());
            if (table == null) {
                continue;
            }
            for (int c = 1; c <= table.rows().size(); c++) {
                Line code = line(sheet.getRow(r + c));
                if (code != null) {
                    other.add(code);
                }
            }
            List<Line> values = new ArrayList<>();
            r += table.rows().size() + 1;
            for (Line value = line(sheet.getRow(r)); value != null; value = line(sheet.getRow(++r))) {
                values.add(value);
            }
            segments.put(table.name(), new Segment(values, table.keyColumns(), table.labels()));
        }
        segments.put("", new Segment(other, null, List.of()));
        return segments;
    }

    /** The row's cells as text, or null when it has no content. */
    private static Line line(Row row) {
        if (row == null || row.getLastCellNum() < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        int last = -1;
        for (int c = 0; c < row.getLastCellNum(); c++) {
            String text = ValuesOnly.text(row.getCell(c));
            cells.add(text);
            if (!text.isBlank()) {
                last = c;
            }
        }
        return last < 0 ? null : new Line(row.getRowNum(), List.copyOf(cells.subList(0, last + 1)));
    }

    /** Matches the rows of one part of a sheet in two versions and reports the differences. */
    private record Alignment(String file, String sheet, List<Line> before, List<Line> after, List<Integer> key,
                             List<String> labels) {

        void report(List<Change> changes) {
            // rows found in both, by key, duplicates in order: pairs[j] is the old index of after[j], or -1
            Map<List<String>, Deque<Integer>> byKey = new HashMap<>();
            for (int i = 0; i < before.size(); i++) {
                byKey.computeIfAbsent(before.get(i).key(key), k -> new ArrayDeque<>()).add(i);
            }
            int[] pairs = new int[after.size()];
            Set<Integer> matched = new HashSet<>();
            for (int j = 0; j < after.size(); j++) {
                Integer i = Optional.ofNullable(byKey.get(after.get(j).key(key))).map(Deque::poll).orElse(null);
                pairs[j] = i == null ? -1 : i;
                if (i != null) {
                    matched.add(i);
                }
            }
            boolean[] inOrder = longestInOrder(pairs);
            // rows left over between the same two in-order rows: the same row edited in place, as far as they pair up
            Map<Integer, Deque<Integer>> leftBefore = new HashMap<>();
            for (int i = 0; i < before.size(); i++) {
                if (!matched.contains(i)) {
                    leftBefore.computeIfAbsent(stretch(pairs, inOrder, i, true), g -> new ArrayDeque<>()).add(i);
                }
            }
            List<Change> found = new ArrayList<>();
            for (int j = 0; j < after.size(); j++) {
                Line now = after.get(j);
                if (pairs[j] < 0) {
                    Integer edited = Optional.ofNullable(leftBefore.get(stretch(pairs, inOrder, j, false)))
                            .map(Deque::poll).orElse(null);
                    if (edited == null) {
                        found.add(new Change.AddedRow(file, sheet, now.row() + 1, now.cells()));
                    } else {
                        cells(before.get(edited), now, found);
                    }
                    continue;
                }
                Line was = before.get(pairs[j]);
                if (!inOrder[j]) {
                    found.add(new Change.MovedRow(file, sheet, was.row() + 1, now.row() + 1, now.cells()));
                }
                cells(was, now, found);
            }
            leftBefore.values().forEach(rows -> rows.forEach(i -> changes.add(
                    new Change.RemovedRow(file, sheet, before.get(i).row() + 1, before.get(i).cells()))));
            changes.addAll(found);
        }

        private void cells(Line was, Line now, List<Change> found) {
            for (int c = 0; c < Math.max(was.cells().size(), now.cells().size()); c++) {
                String a = was.cell(c);
                String b = now.cell(c);
                if (!Objects.equals(a, b)) {
                    found.add(new ChangedCell(file, sheet, new CellReference(now.row(), c).formatAsString(),
                            a.isBlank() ? null : a, b.isBlank() ? null : b, meaning(now, c, a, b)));
                }
            }
        }

        /**
         * The change as a policy editor says it (issue 22, point 7): the row's key cells, the column's label, before →
         * after ({@code R6 小学 标准（要求） ≥旧值 → ≥新值}); null outside a rule table's value rows.
         */
        private String meaning(Line now, int column, String a, String b) {
            if (key == null || column >= labels.size()) {
                return null;
            }
            List<String> words = new ArrayList<>(key.stream().map(now::cell).filter(k -> !k.isBlank()).toList());
            words.add(labels.get(column));
            words.add((a.isBlank() ? Texts.of("analysis.blank") : a) + " → " + (b.isBlank() ? Texts.of("analysis.blank") : b));
            return String.join(" ", words);
        }

        /**
         * The stretch a row lies in: how many in-order matched rows come before it (old rows counted by their old
         * index, new rows by their new one).
         */
        private static int stretch(int[] pairs, boolean[] inOrder, int index, boolean old) {
            int count = 0;
            for (int j = 0; j < pairs.length; j++) {
                if (inOrder[j] && (old ? pairs[j] < index : j < index)) {
                    count++;
                }
            }
            return count;
        }

        /** Marks the longest run of matched rows whose old order is kept (a longest increasing subsequence). */
        private static boolean[] longestInOrder(int[] pairs) {
            int n = pairs.length;
            int[] length = new int[n];
            int[] previous = new int[n];
            int best = -1;
            for (int j = 0; j < n; j++) {
                previous[j] = -1;
                if (pairs[j] < 0) {
                    continue;
                }
                length[j] = 1;
                for (int k = 0; k < j; k++) {
                    if (pairs[k] >= 0 && pairs[k] < pairs[j] && length[k] + 1 > length[j]) {
                        length[j] = length[k] + 1;
                        previous[j] = k;
                    }
                }
                if (best < 0 || length[j] > length[best]) {
                    best = j;
                }
            }
            boolean[] inOrder = new boolean[n];
            for (int j = best; j >= 0; j = previous[j]) {
                inOrder[j] = true;
            }
            return inOrder;
        }
    }

    private static Map<String, RuleSetFile> byName(List<RuleSetFile> files) {
        Map<String, RuleSetFile> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), f));
        return map;
    }
}
