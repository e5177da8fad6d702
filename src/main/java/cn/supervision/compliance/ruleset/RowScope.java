package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.system.Account;
import cn.supervision.compliance.system.AccountScope;
import cn.supervision.compliance.system.Refused;

/**
 * An editor changes only rows of its own node or below (issue 22, point 2): each changed, added, removed or moved row
 * belongs to the node in its 管辖区域 column (in the tree sheet itself, its 代码), before and after the change; a row
 * without such a column (parameters, test cases, DRL) belongs to the whole country. Rows outside the uploader's subtree
 * refuse the upload with 403, naming each cell. The download still shows every row.
 */
@Component
class RowScope {

    private static final DataFormatter TEXT = new DataFormatter();
    private static final String NODE_HEADING = "管辖区域";
    private static final String TREE_SHEET = "管辖区域";
    private static final String TREE_HEADING = "代码";

    private final AccountScope scope;

    RowScope(AccountScope scope) {
        this.scope = scope;
    }

    /** 403 naming each cell of {@code changes} outside {@code uploader}'s subtree; nothing for a national account. */
    void check(String uploader, List<RuleSetFile> before, List<RuleSetFile> after, List<Change> changes) {
        String node = scope.nodeOf(uploader);
        if (Account.NATIONAL.equals(node)) {
            return;
        }
        try (Books old = new Books(before); Books now = new Books(after)) {
            List<Map<String, String>> outside = new ArrayList<>();
            for (Change change : changes) {
                for (Place place : places(change, old, now)) {
                    if (place.node() == null || !scope.covers(node, place.node())) {
                        Map<String, String> cell = new LinkedHashMap<>();
                        cell.put("file", change.file());
                        cell.put("sheet", change.sheet());
                        cell.put("cell", place.cell());
                        cell.put("jurisdiction", place.node() == null ? Account.NATIONAL : place.node());
                        if (!outside.contains(cell)) {
                            outside.add(cell);
                        }
                    }
                }
            }
            if (!outside.isEmpty()) {
                throw new Refused(HttpStatus.FORBIDDEN, Map.of("cells", outside), "scope.rows-outside", node,
                        outside.size(), outside.stream().map(c -> c.get("sheet") + "!" + c.get("cell") + "（"
                                + c.get("jurisdiction") + "）").toList());
            }
        }
    }

    private record Place(String cell, String node) {
    }

    private static List<Place> places(Change change, Books old, Books now) {
        if (change instanceof ChangedCell c) {
            if (c.sheet() == null) {
                return List.of(new Place(c.file(), null)); // a DRL file: the whole country's
            }
            CellReference address = new CellReference(c.cell());
            List<Place> places = new ArrayList<>();
            places.add(new Place(c.cell(), now.node(c.file(), c.sheet(), address.getRow())));
            Integer column = now.nodeColumn(c.file(), c.sheet(), address.getRow());
            if (column != null && column == address.getCol() && c.before() != null) {
                places.add(new Place(c.cell(), c.before().strip())); // a row taken from another node
            }
            return places;
        }
        if (change instanceof Change.AddedRow r) {
            return List.of(now.place(r.file(), r.sheet(), r.row() - 1));
        }
        if (change instanceof Change.RemovedRow r) {
            return List.of(old.place(r.file(), r.sheet(), r.row() - 1));
        }
        Change.MovedRow r = (Change.MovedRow) change;
        return List.of(now.place(r.file(), r.sheet(), r.to() - 1));
    }

    /** The workbooks of one version, opened once each when first asked about. */
    private static final class Books implements AutoCloseable {

        private final Map<String, RuleSetFile> files = new HashMap<>();
        private final Map<String, XSSFWorkbook> open = new HashMap<>();

        Books(List<RuleSetFile> files) {
            files.stream().filter(f -> f.kind() == RuleSetFile.Kind.WORKBOOK).forEach(f -> this.files.put(f.name(), f));
        }

        Place place(String file, String sheetName, int row) {
            Integer column = nodeColumn(file, sheetName, row);
            String cell = new CellReference(row, column == null ? 0 : column).formatAsString(false);
            return new Place(cell, node(file, sheetName, row));
        }

        /** The node of a row (0-based): its 管辖区域 (or, in the tree, 代码) cell; null when it has none. */
        String node(String file, String sheetName, int row) {
            Integer column = nodeColumn(file, sheetName, row);
            Sheet sheet = sheet(file, sheetName);
            if (column == null || sheet == null || sheet.getRow(row) == null) {
                return null;
            }
            String value = TEXT.formatCellValue(sheet.getRow(row).getCell(column)).strip();
            return value.isEmpty() ? null : value;
        }

        /** The column headed 管辖区域 (代码 in the tree) in the nearest heading row above {@code row}. */
        Integer nodeColumn(String file, String sheetName, int row) {
            Sheet sheet = sheet(file, sheetName);
            if (sheet == null) {
                return null;
            }
            String heading = TREE_SHEET.equals(sheetName) ? TREE_HEADING : NODE_HEADING;
            for (int r = row - 1; r >= 0; r--) {
                Row above = sheet.getRow(r);
                if (above == null) {
                    continue;
                }
                for (int c = 0; c < above.getLastCellNum(); c++) {
                    if (heading.equals(TEXT.formatCellValue(above.getCell(c)).strip())) {
                        return c;
                    }
                }
            }
            return null;
        }

        private Sheet sheet(String file, String sheetName) {
            RuleSetFile found = files.get(file);
            if (found == null) {
                return null;
            }
            return open.computeIfAbsent(file, name -> WorkbookFormat.open(name, found.content())).getSheet(sheetName);
        }

        @Override
        public void close() {
            open.values().forEach(book -> {
                try {
                    book.close();
                } catch (IOException ignored) {
                    // read-only, in memory
                }
            });
        }
    }
}
