package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.ruleset.ApprovedTemplate.SheetTemplate;
import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;
import cn.supervision.compliance.ruleset.RowChanges.Line;
import cn.supervision.compliance.ruleset.VersionAnalysis.TableWarning;
import cn.supervision.compliance.text.Texts;

/**
 * The rule tables of a version checked before anyone approves it (issue 22, point 5; after OpenL's {@code validateDT}
 * and KIE's decision-table analysis). An overlap, two rows of one table that apply to the same subjects (the same row
 * key of the approved template, node and 生效年份 included) and set them differently, refuses the upload naming both
 * rows: which one judges would depend on the order Drools happens to fire them. A gap, an indicator or data item of a
 * table with a 学段 column that has rows for some stages and none for another at the national level, is a warning:
 * an evaluation of that stage would say 未评估.
 */
@Component
class TableAnalysis {

    private static final String YEAR = "生效年份";
    private static final String STAGE = "学段";
    private static final String NODE = "管辖区域";
    private static final String NATIONAL = "national";

    private final ApprovedTemplates templates;

    TableAnalysis(ApprovedTemplates templates) {
        this.templates = templates;
    }

    /** The overlaps ({@code problems}) and gaps ({@code warnings}) of every rule table of the workbooks. */
    record Tables(List<RuleSetProblem> problems, List<TableWarning> warnings) {
    }

    Tables check(String ruleSet, List<RuleSetFile> files) {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<TableWarning> warnings = new ArrayList<>();
        for (RuleSetFile file : files) {
            Optional<ApprovedTemplate> template = file.kind() == RuleSetFile.Kind.WORKBOOK
                    ? templates.of(ruleSet, file.name()) : Optional.empty();
            if (template.isEmpty()) {
                continue;
            }
            try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
                for (SheetTemplate sheet : template.get().sheets()) {
                    Map<String, RowChanges.Segment> segments = RowChanges.segments(workbook.getSheet(sheet.name()), sheet);
                    for (TableTemplate table : sheet.tables()) {
                        RowChanges.Segment segment = segments.get(table.name());
                        if (segment != null) {
                            overlaps(file.name(), sheet.name(), table, segment.lines(), problems);
                            gaps(file.name(), sheet.name(), table, segment.lines(), warnings);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Tables(problems, warnings);
    }

    private static void overlaps(String file, String sheet, TableTemplate table, List<Line> lines,
                                 List<RuleSetProblem> problems) {
        if (table.rowKey().isEmpty()) {
            return;
        }
        List<Integer> key = new ArrayList<>(table.keyColumns());
        int year = table.labels().indexOf(YEAR);
        if (year >= 0 && !key.contains(year)) {
            key.add(year);
        }
        Map<List<String>, Line> seen = new LinkedHashMap<>();
        for (Line line : lines) {
            Line first = seen.putIfAbsent(line.key(key), line);
            if (first != null && !first.cells().equals(line.cells())) {
                String keyText = String.join("、", key.stream().map(c -> table.labels().get(c) + "=" + line.cell(c))
                        .toList());
                problems.add(RuleSetProblem.of(file, sheet, new CellReference(line.row(), 0).formatAsString(),
                        "analysis.overlap", place(sheet, first), place(sheet, line), keyText));
            }
        }
    }

    private static void gaps(String file, String sheet, TableTemplate table, List<Line> lines,
                             List<TableWarning> warnings) {
        int stage = table.labels().indexOf(STAGE);
        List<Integer> key = table.keyColumns();
        if (stage < 0 || key.isEmpty() || key.get(0) == stage) {
            return;
        }
        int code = key.get(0);
        int node = table.labels().indexOf(NODE);
        Set<String> stages = new LinkedHashSet<>();
        Map<String, Set<String>> stagesOf = new LinkedHashMap<>();
        Map<String, List<String>> rowsOf = new LinkedHashMap<>();
        for (Line line : lines) {
            String at = node < 0 ? NATIONAL : line.cell(node).strip();
            if (!(at.isEmpty() || at.equals(NATIONAL)) || line.cell(stage).isBlank()) {
                continue;
            }
            stages.add(line.cell(stage).strip());
            stagesOf.computeIfAbsent(line.cell(code).strip(), c -> new LinkedHashSet<>()).add(line.cell(stage).strip());
            rowsOf.computeIfAbsent(line.cell(code).strip(), c -> new ArrayList<>()).add(place(sheet, line));
        }
        stagesOf.forEach((indicator, has) -> {
            List<String> missing = stages.stream().filter(s -> !has.contains(s)).toList();
            if (!missing.isEmpty()) {
                warnings.add(new TableWarning("gap", file, sheet, rowsOf.get(indicator), Texts.of("analysis.gap",
                        sheet, table.labels().get(code), indicator, String.join("、", missing),
                        String.join("、", rowsOf.get(indicator)))));
            }
        });
    }

    /** {@code 资源配置标准!20}: a row as Excel numbers it. */
    static String place(String sheet, Line line) {
        return sheet + "!" + (line.row() + 1);
    }
}
