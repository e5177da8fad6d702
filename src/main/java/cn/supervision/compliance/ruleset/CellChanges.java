package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cells that differ between two versions of a rule set, as a person sees them in Excel (DRL files as a whole). */
public final class CellChanges {

    private CellChanges() {
    }

    public static List<ChangedCell> between(List<RuleSetFile> before, List<RuleSetFile> after) {
        Map<String, RuleSetFile> old = byName(before);
        Map<String, RuleSetFile> now = byName(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        List<ChangedCell> changes = new ArrayList<>();
        for (String name : names) {
            RuleSetFile a = old.get(name);
            RuleSetFile b = now.get(name);
            if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
                continue;
            }
            RuleSetFile any = a != null ? a : b;
            if (any.kind() == RuleSetFile.Kind.DRL || a == null || b == null) {
                changes.add(new ChangedCell(name, null, null, a == null ? null : "(file)", b == null ? null : "(file)"));
            } else {
                cells(name, a, b, changes);
            }
        }
        return changes;
    }

    private static void cells(String name, RuleSetFile a, RuleSetFile b, List<ChangedCell> changes) {
        Map<String, Map<String, String>> old = shown(a);
        Map<String, Map<String, String>> now = shown(b);
        Set<String> sheets = new LinkedHashSet<>(old.keySet());
        sheets.addAll(now.keySet());
        for (String sheet : sheets) {
            Map<String, String> x = old.getOrDefault(sheet, Map.of());
            Map<String, String> y = now.getOrDefault(sheet, Map.of());
            Map<CellReference, String> addresses = new TreeMap<>((p, q) -> p.getRow() != q.getRow()
                    ? Integer.compare(p.getRow(), q.getRow()) : Integer.compare(p.getCol(), q.getCol()));
            x.keySet().forEach(k -> addresses.put(new CellReference(k), k));
            y.keySet().forEach(k -> addresses.put(new CellReference(k), k));
            for (String cell : addresses.values()) {
                if (!Objects.equals(x.get(cell), y.get(cell))) {
                    changes.add(new ChangedCell(name, sheet, cell, x.get(cell), y.get(cell)));
                }
            }
        }
    }

    private static Map<String, Map<String, String>> shown(RuleSetFile file) {
        DataFormatter formatter = new DataFormatter();
        Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
            for (Sheet sheet : workbook) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            cells.put(cell.getAddress().formatAsString(), text);
                        }
                    }
                }
                sheets.put(sheet.getSheetName(), cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot close a workbook", e);
        }
        return sheets;
    }

    private static Map<String, RuleSetFile> byName(List<RuleSetFile> files) {
        Map<String, RuleSetFile> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), f));
        return map;
    }
}
