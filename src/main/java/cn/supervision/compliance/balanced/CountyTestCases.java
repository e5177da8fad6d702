package cn.supervision.compliance.balanced;

import static cn.supervision.compliance.evaluation.TestSheetCells.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSetFile;
import cn.supervision.compliance.ruleset.RuleSetProblem;
import cn.supervision.compliance.ruleset.TestCaseResult;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.ruleset.WorkbookTestCases;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.TestSheetCells;
import cn.supervision.compliance.text.Texts;

/**
 * The test cases of a {@code balanced-development} workbook, sheet {@code 测试用例}: under the heading row (first cell
 * {@code 用例}) each row is one section of one school of a small county; rows with the same 用例 form one county. The
 * county is evaluated on the candidate rule base exactly as a request would be, and the section verdicts, unmet
 * indicators, exclusions and the county verdict are compared with the 预期 columns.
 */
@Component
class CountyTestCases implements WorkbookTestCases {

    private static final String JURISDICTION = "管辖区域";
    private static final String YEAR = "年度";
    private static final String SCHOOL = "学校编号";
    private static final String TYPE = "学校类型";
    private static final String STAGE = "学段";
    private static final String SECTION_EXPECTED = "预期：该学段达标";
    private static final String UNMET_EXPECTED = "预期：未达标指标";
    private static final String COUNTY_EXPECTED = "预期：县域达标";
    private static final String YES = "是";
    private static final String NO = "否";
    private static final String EXCLUDED = "不参评";
    /** The figures of a section, by the heading of their column. */
    private static final Map<String, String> FIGURES = figures();

    private final CountyAssessment assessment;
    private final ObjectMapper mapper;

    CountyTestCases(CountyAssessment assessment, ObjectMapper mapper) {
        this.assessment = assessment;
        this.mapper = mapper;
    }

    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("学生数", "students");
        figures.put("合格学历教师数", "qualifiedTeachers");
        figures.put("骨干教师数", "backboneTeachers");
        figures.put("体育艺术专任教师数", "peArtTeachers");
        figures.put("教学及辅助用房面积（平方米）", "teachingAreaM2");
        figures.put("体育运动场馆面积（平方米）", "sportsAreaM2");
        figures.put("教学仪器设备值（元）", "equipmentValueYuan");
        figures.put("网络多媒体教室数", "multimediaRooms");
        return figures;
    }

    @Override
    public String ruleSet() {
        return assessment.ruleSet();
    }

    @Override
    public List<TestCaseResult> run(CompiledRuleSet candidate, List<RuleSetFile> files) {
        return TestSheetCells.run(files, (file, sheet) -> read(file, sheet).stream().map(c -> c.run(candidate)).toList());
    }

    /** One row of the sheet, with the cells it was read from. */
    private record CaseRow(int row, String school, String type, Stage stage, String sectionExpected,
                           Set<String> unmetExpected, String countyExpected) {
    }

    private final class TestCase {
        final String file;
        final String name;
        final ObjectNode request = mapper.createObjectNode();
        final Map<String, ObjectNode> schools = new LinkedHashMap<>();
        final List<CaseRow> rows = new ArrayList<>();
        int lastColumn;

        TestCase(String file, String name) {
            this.file = file;
            this.name = name;
        }

        TestCaseResult run(CompiledRuleSet candidate) {
            ObjectNode subject = (ObjectNode) request.get("subject");
            ArrayNode list = subject.putArray("schools");
            schools.values().forEach(list::add);
            return TestSheetCells.outcome(file, name, rows.get(0).row(), rows.get(rows.size() - 1).row(), lastColumn,
                    () -> assessment.evaluate(candidate, request.get("jurisdiction").asText(), subject),
                    (result, failures) -> rows.forEach(row -> compare(row, result, failures)));
        }

        private void compare(CaseRow row, EvaluationResult result, List<String> failures) {
            String where = Texts.of("test-case.row", row.row() + 1, row.school(), row.stage().label());
            if (row.countyExpected() != null && YES.equals(row.countyExpected()) != result.passed()) {
                failures.add(Texts.of("test-case.county-differs", where, row.countyExpected(), result.passed() ? YES : NO));
            }
            if (row.sectionExpected() == null) {
                return;
            }
            CountyBody county = (CountyBody) result.body();
            boolean excluded = county.excluded().stream().anyMatch(e -> e.schoolId().equals(row.school()));
            if (EXCLUDED.equals(row.sectionExpected()) || excluded) {
                if (EXCLUDED.equals(row.sectionExpected()) != excluded) {
                    failures.add(Texts.of("test-case.exclusion-differs", where, row.sectionExpected(),
                            excluded ? EXCLUDED : Texts.of("test-case.assessed")));
                }
                return;
            }
            CountyBody.SectionResult section = county.sections().stream()
                    .filter(s -> s.schoolId().equals(row.school()) && s.stage() == row.stage()).findFirst().orElse(null);
            if (section == null) {
                failures.add(Texts.of("test-case.section-missing", where));
                return;
            }
            if (YES.equals(row.sectionExpected()) != section.passed()) {
                failures.add(Texts.of("test-case.section-differs", where, row.sectionExpected(), section.passed() ? YES : NO));
            }
            Set<String> unmet = section.indicators().stream().filter(i -> !i.met()).map(CountyBody.IndicatorResult::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unmet.equals(row.unmetExpected())) {
                failures.add(Texts.of("test-case.unmet-differs", where, shown(row.unmetExpected()), shown(unmet)));
            }
        }
    }

    private static String shown(Set<String> codes) {
        return codes.isEmpty() ? Texts.of("test-case.none") : String.join("、", codes);
    }

    private List<TestCase> read(String file, Sheet sheet) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = null;
        Map<String, TestCase> cases = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (columns == null) {
                if (CASE.equals(text(row.getCell(0)))) {
                    columns = headings(row);
                    List<String> missing = missing(columns);
                    if (!missing.isEmpty()) {
                        problems.add(RuleSetProblem.of(file, SHEET, "A" + (row.getRowNum() + 1), "test-case.heading-lacks",
                                String.join("、", missing)));
                        break;
                    }
                }
                continue;
            }
            String name = text(row.getCell(columns.get(CASE)));
            if (name.isBlank()) {
                continue;
            }
            try {
                TestCase testCase = cases.computeIfAbsent(name, n -> new TestCase(file, n));
                add(testCase, row, columns);
            } catch (BadCell e) {
                problems.add(new RuleSetProblem(file, SHEET, e.cell(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return List.copyOf(cases.values());
    }

    private static List<String> missing(Map<String, Integer> columns) {
        List<String> wanted = new ArrayList<>(List.of(CASE, JURISDICTION, YEAR, SCHOOL, TYPE, STAGE,
                SECTION_EXPECTED, UNMET_EXPECTED, COUNTY_EXPECTED));
        wanted.addAll(FIGURES.keySet());
        return wanted.stream().filter(w -> !columns.containsKey(w)).toList();
    }

    /** Adds a row to its case, or throws {@link BadCell}. */
    private void add(TestCase testCase, Row row, Map<String, Integer> columns) {
        testCase.lastColumn = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (testCase.rows.isEmpty()) {
            testCase.request.put("ruleSet", ruleSet());
            testCase.request.put("jurisdiction", required(row, columns.get(JURISDICTION)));
            ObjectNode subject = testCase.request.putObject("subject");
            subject.put("countyCode", "test-" + (row.getRowNum() + 1));
            subject.put("countyName", testCase.name);
            subject.put("year", whole(row, columns.get(YEAR)));
        }
        String schoolId = required(row, columns.get(SCHOOL));
        String typeLabel = required(row, columns.get(TYPE));
        SchoolType type = Arrays.stream(SchoolType.values()).filter(t -> t.label().equals(typeLabel)).findFirst()
                .orElseThrow(() -> bad(row, columns.get(TYPE), Texts.of("test-case.not-a-school-type", typeLabel,
                        Arrays.stream(SchoolType.values()).map(SchoolType::label).collect(Collectors.joining("、")))));
        Stage stage;
        try {
            stage = Stage.fromLabel(required(row, columns.get(STAGE)));
        } catch (IllegalArgumentException e) {
            throw bad(row, columns.get(STAGE), e.getMessage());
        }
        ObjectNode school = testCase.schools.computeIfAbsent(schoolId, id -> {
            ObjectNode node = mapper.createObjectNode();
            node.put("id", id);
            node.put("name", id);
            node.put("type", type.name());
            node.putArray("sections");
            return node;
        });
        ObjectNode section = ((ArrayNode) school.get("sections")).addObject();
        section.put("stage", stage.name());
        FIGURES.forEach((heading, field) -> {
            int column = columns.get(heading);
            if (!text(row.getCell(column)).isBlank()) {
                BigDecimal number = number(row, column).stripTrailingZeros();
                // a whole number is written as one: counts are read strictly and refuse 1000.0
                if (number.scale() <= 0) {
                    section.put(field, number.toBigIntegerExact());
                } else {
                    section.put(field, number);
                }
            }
        });
        String sectionExpected = optional(row, columns.get(SECTION_EXPECTED));
        if (sectionExpected != null && !Set.of(YES, NO, EXCLUDED).contains(sectionExpected)) {
            throw bad(row, columns.get(SECTION_EXPECTED), Texts.of("test-case.not-section-verdict", sectionExpected));
        }
        String countyExpected = optional(row, columns.get(COUNTY_EXPECTED));
        if (countyExpected != null && !Set.of(YES, NO).contains(countyExpected)) {
            throw bad(row, columns.get(COUNTY_EXPECTED), Texts.of("test-case.not-yes-no", countyExpected));
        }
        String unmet = optional(row, columns.get(UNMET_EXPECTED));
        Set<String> unmetCodes = unmet == null ? Set.of()
                : Arrays.stream(unmet.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        testCase.rows.add(new CaseRow(row.getRowNum(), schoolId, typeLabel, stage, sectionExpected, unmetCodes, countyExpected));
    }
}
