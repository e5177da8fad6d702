package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.supervision.compliance.system.Account;

/**
 * The figures in force (issue 22, point 7): every row of the active version's rule tables that sets a requirement of
 * an indicator, read from its cells as the editor wrote them: indicator code and name, stage, node (管辖区域; national
 * where a table has no such column), the figure, and the cell holding it, which a one-figure edit names. A table is
 * recognised by its heading row: an indicator-code column and a requirement column.
 */
@Service
public class FiguresInForce {

    private static final DataFormatter TEXT = new DataFormatter();
    private static final String CODE = "指标代码";
    private static final List<String> FIGURE = List.of("标准（要求）", "要求", "标准");
    private static final List<String> NAME = List.of("指标名称", "检查内容");
    private static final List<String> STAGE = List.of("学段", "适用年级");
    private static final List<String> UNIT = List.of("缺口单位", "单位");
    private static final String NODE = "管辖区域";
    private static final String YEAR = "生效年份";
    private static final String RULE_TABLE = "RuleTable";

    private final RuleSetVersions versions;

    FiguresInForce(RuleSetVersions versions) {
        this.versions = versions;
    }

    /** One requirement in force and the cell that sets it ({@code row} 1-based, {@code column} a letter). */
    public record Figure(String indicator, String name, String stage, String jurisdiction, String figure, String unit,
                         String effectiveFrom, String workbook, String sheet, int row, String column, String cell) {
    }

    public record Figures(String ruleSet, int version, String hash, List<Figure> figures) {
    }

    public Figures of(String ruleSet) {
        RuleSetVersion active = versions.active(ruleSet);
        List<Figure> figures = new ArrayList<>();
        for (String file : active.files()) {
            if (file.endsWith(".xlsx")) {
                RuleSetFile workbook = versions.workbook(ruleSet, String.valueOf(active.sequence()), file);
                try (XSSFWorkbook book = WorkbookFormat.open(file, workbook.content())) {
                    for (Sheet sheet : book) {
                        read(file, sheet, figures);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Figures(ruleSet, active.sequence(), active.hash(), figures);
    }

    private static void read(String file, Sheet sheet, List<Figure> figures) {
        Map<String, Integer> heading = null;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = row == null ? "" : text(row, 0);
            if (row == null || first.isEmpty() || first.startsWith(RULE_TABLE)) {
                heading = null;
                continue;
            }
            Map<String, Integer> columns = headings(row);
            if (columns.containsKey(CODE) && FIGURE.stream().anyMatch(columns::containsKey)) {
                heading = columns;
                continue;
            }
            if (heading != null) {
                figure(file, sheet.getSheetName(), row, heading).ifPresent(figures::add);
            }
        }
    }

    private static Optional<Figure> figure(String file, String sheet, Row row, Map<String, Integer> heading) {
        Integer column = first(heading, FIGURE);
        String figure = text(row, column);
        String code = text(row, heading.get(CODE));
        if (figure.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        String node = heading.containsKey(NODE) ? text(row, heading.get(NODE)) : "";
        String cell = new CellReference(row.getRowNum(), column).formatAsString(false);
        return Optional.of(new Figure(code, blankNull(text(row, first(heading, NAME))),
                blankNull(text(row, first(heading, STAGE))), node.isEmpty() ? Account.NATIONAL : node, figure,
                blankNull(text(row, first(heading, UNIT))), blankNull(text(row, heading.get(YEAR))), file, sheet,
                row.getRowNum() + 1, CellReference.convertNumToColString(column), cell));
    }

    private static Map<String, Integer> headings(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            String value = text(row, c);
            if (!value.isEmpty()) {
                columns.putIfAbsent(value, c);
            }
        }
        return columns;
    }

    private static Integer first(Map<String, Integer> heading, List<String> names) {
        return names.stream().filter(heading::containsKey).map(heading::get).findFirst().orElse(null);
    }

    private static String text(Row row, Integer column) {
        return column == null || row.getCell(column) == null ? "" : TEXT.formatCellValue(row.getCell(column)).strip();
    }

    private static String blankNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
