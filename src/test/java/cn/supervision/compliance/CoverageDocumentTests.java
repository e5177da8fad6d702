package cn.supervision.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.supervision.compliance.ruleset.ShippedRuleSets;

/**
 * {@code docs/coverage.md}: every measurable requirement of the seed documents, by clause. The part above the marker
 * is generated here from the rule rows of the shipped workbooks that name their clause (出处), so it cannot drift from
 * them; the part below it lists, by hand, the requirements that cannot be checked from facts and why. The closing
 * counts cover both. Run with {@code -Dcoverage.write=true} to write the file after changing a workbook.
 */
class CoverageDocumentTests {

    static final Path DOCUMENT = Path.of("docs/coverage.md");
    static final String MARKER = "<!-- end of the generated part: the requirements below are kept by hand -->";
    private static final String NOT_CHECKABLE_ROW = "| ";

    /** Seed files by the document title their rows cite. */
    private static final Map<String, String> SEEDS = new LinkedHashMap<>();

    static {
        SEEDS.put("000", "《大兴区全面加强和改进新时代学校美育工作的行动方案》");
        SEEDS.put("001", "《大兴区“十四五”教育规划》");
        SEEDS.put("002", "《关于深化教育教学改革全面提高义务教育质量的实施意见》（浙江）");
        SEEDS.put("003", "《北京市新时代基础教育扩优提质行动计划实施方案》");
        SEEDS.put("004", "《大祥区推进义务教育优质均衡发展工作任务清单》");
    }

    record Checked(String seed, String clause, String requirement, String check, String row) {
    }

    private static final DataFormatter TEXT = new DataFormatter();

    /** The value rows of a sheet's table, by heading, with their 1-based Excel row. */
    private static List<Map<String, String>> rows(Path workbook, String sheetName) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(sheetName);
            List<String> headings = null;
            for (Row row : sheet) {
                if (headings == null) {
                    if (row.getRowNum() == 8) {
                        headings = new ArrayList<>();
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            headings.add(TEXT.formatCellValue(row.getCell(c)));
                        }
                    }
                    continue;
                }
                if (TEXT.formatCellValue(row.getCell(0)).isBlank()) {
                    continue;
                }
                // the sheet's first table ends where the next begins (lane cycle: 整改措施 also holds 整改期限)
                if (TEXT.formatCellValue(row.getCell(0)).startsWith("RuleTable ")) {
                    break;
                }
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < headings.size(); c++) {
                    values.put(headings.get(c), TEXT.formatCellValue(row.getCell(c)).strip());
                }
                values.put("#", workbook.getFileName() + " " + sheetName + " " + (row.getRowNum() + 1));
                rows.add(values);
            }
        }
        return rows;
    }

    /** One entry per seed a row's 出处 cites (several sources are separated by ；). */
    private static void cite(List<Checked> checked, String sources, String requirement, String check, String row) {
        for (String source : sources.split("；")) {
            SEEDS.forEach((seed, title) -> {
                if (source.startsWith(title)) {
                    checked.add(new Checked(seed, source.substring(title.length()).strip(), requirement, check, row));
                }
            });
        }
    }

    static List<Checked> checked() throws IOException {
        Path tables = ShippedRuleSets.DECISION_TABLES;
        List<Checked> checked = new ArrayList<>();
        for (String workbook : List.of("curriculum/curriculum.xlsx", "district-targets/district-targets.xlsx")) {
            for (Map<String, String> row : rows(tables.resolve(workbook), "检查项")) {
                cite(checked, row.get("出处"), row.get("要求说明") + "（" + row.get("标准") + "）",
                        row.get("指标代码") + " · " + row.get("管辖区域"), row.get("#"));
            }
        }
        Path county = tables.resolve("balanced-development/county-assessment.xlsx");
        Map<String, String> indicatorSource = new HashMap<>();
        rows(county, "指标体系").forEach(r -> indicatorSource.put(r.get("指标代码"), r.get("出处")));
        for (Map<String, String> row : rows(county, "A类指标标准")) {
            cite(checked, indicatorSource.get(row.get("指标代码")), row.get("检查内容") + "（" + row.get("要求") + "）",
                    row.get("指标代码") + " · " + row.get("管辖区域"), row.get("#"));
        }
        for (Map<String, String> row : rows(county, "B类指标分值")) {
            cite(checked, indicatorSource.get(row.get("指标代码")),
                    row.get("子项内容") + "（评估组评分，满分" + row.get("满分") + "）",
                    row.get("指标代码") + " 子项" + row.get("子项序号") + " · national", row.get("#"));
        }
        Path resources = tables.resolve("balanced-development/resource-allocation.xlsx");
        Map<String, String> remedySource = new HashMap<>();
        rows(resources, "整改措施").forEach(r -> remedySource.put(r.get("指标代码"), r.get("出处")));
        for (Map<String, String> row : rows(resources, "资源配置标准")) {
            cite(checked, remedySource.get(row.get("指标代码")),
                    row.get("学段") + row.get("指标名称") + "（" + row.get("标准（要求）") + "，全区和所有学校）",
                    row.get("指标代码") + " · national", row.get("#"));
        }
        return checked;
    }

    static String generated(List<Checked> checked) {
        StringBuilder md = new StringBuilder();
        md.append("# Coverage of the seed documents\n\n")
                .append("Every measurable requirement of the five seed documents (`../shared/seeds/`, a number, a deadline, a ratio\n")
                .append("or a yes/no duty), by clause: the rule row that checks it, or, in the last section, why it cannot be\n")
                .append("checked from facts. The tables of checked requirements are generated by `CoverageDocumentTests` from the\n")
                .append("rows of the shipped workbooks that name their clause (出处), so they cannot drift from the workbooks;\n")
                .append("after changing a workbook run `mvn -Dtest=CoverageDocumentTests -Dcoverage.write=true test`.\n")
                .append("A row citing several documents appears under each. Jurisdictions: INDICATORS.md §3.1.\n");
        SEEDS.forEach((seed, title) -> {
            md.append("\n## Seed ").append(seed).append(" ").append(title).append("\n\n")
                    .append("| clause | requirement | checked by (indicator · jurisdiction) | rule row |\n|---|---|---|---|\n");
            checked.stream().filter(c -> c.seed().equals(seed)).forEach(c -> md.append("| ").append(c.clause())
                    .append(" | ").append(c.requirement()).append(" | ").append(c.check()).append(" | ")
                    .append(c.row()).append(" |\n"));
        });
        md.append("\n").append(MARKER).append("\n");
        return md.toString();
    }

    static String closing(int checked, int notCheckable) {
        return "\n## Count\n\nChecked: " + checked + " rule rows naming a seed clause; not checkable from facts: " + notCheckable
                + "; in all " + (checked + notCheckable) + " requirements.\n";
    }

    @Test
    void theCoverageTableIsTheOneTheShippedWorkbooksGenerate() throws IOException {
        List<Checked> checked = checked();
        String current = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : MARKER + "\n";
        String kept = current.substring(current.indexOf(MARKER) + MARKER.length() + 1);
        int countAt = kept.indexOf("\n## Count\n");
        String byHand = countAt < 0 ? kept : kept.substring(0, countAt);
        long notCheckable = byHand.lines().filter(l -> l.startsWith(NOT_CHECKABLE_ROW) && !l.startsWith("| clause")
                && !l.startsWith("|---")).count();
        String expected = generated(checked) + byHand + closing(checked.size(), (int) notCheckable);
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(DOCUMENT, expected);
        }
        assertThat(current).isEqualTo(expected);
        assertThat(checked).extracting(Checked::seed).contains("000", "001", "002", "003", "004");
    }
}
