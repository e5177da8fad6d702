package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TestSheetCells.CASE;
import static cn.supervision.compliance.evaluation.TestSheetCells.SHEET;
import static cn.supervision.compliance.evaluation.TestSheetCells.bad;
import static cn.supervision.compliance.evaluation.TestSheetCells.headings;
import static cn.supervision.compliance.evaluation.TestSheetCells.optional;
import static cn.supervision.compliance.evaluation.TestSheetCells.required;
import static cn.supervision.compliance.evaluation.TestSheetCells.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSetFile;
import cn.supervision.compliance.ruleset.RuleSetProblem;
import cn.supervision.compliance.ruleset.TestCaseResult;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.ruleset.WorkbookTestCases;
import cn.supervision.compliance.text.Texts;

/**
 * The test cases of a rule set whose result is a list of checks (curriculum, district targets), sheet 测试用例: under
 * the heading row (first cell 用例) rows with the same 用例 form one request. A row sets one field of the request's
 * subject (请求字段, as in the JSON: {@code year}, {@code grades[0].pePeriods}; a 值 with 、 is a list) and may state
 * what one indicator must come to (预期：指标代码, 预期：结论 — 达标, 未达标, 不适用, 未评估 or 尚未生效). An indicator
 * of several check rows comes to 未达标 if one fails, else 未评估 if one is not assessed, else 达标 if one passed, else
 * 尚未生效, else 不适用. The request is evaluated exactly as one sent to the API would be.
 */
public abstract class FieldTestCases implements WorkbookTestCases {

    private static final String JURISDICTION = "管辖区域";
    private static final String FIELD = "请求字段";
    private static final String VALUE = "值";
    private static final String CODE_EXPECTED = "预期：指标代码";
    private static final String VERDICT_EXPECTED = "预期：结论";
    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,63})(?:\\[(\\d{1,3})])?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

    /** An indicator of several check rows comes to the first of these that one of its checks has. */
    private static final List<Verdict> INDICATOR_ORDER = List.of(Verdict.FAILED, Verdict.NOT_ASSESSED, Verdict.PASSED,
            Verdict.NOT_YET_IN_FORCE, Verdict.NOT_APPLICABLE);

    private final SubjectEvaluator<?, ?> evaluator;
    private final ObjectMapper mapper;

    protected FieldTestCases(SubjectEvaluator<?, ?> evaluator, ObjectMapper mapper) {
        this.evaluator = evaluator;
        this.mapper = mapper;
    }

    @Override
    public String ruleSet() {
        return evaluator.ruleSet();
    }

    @Override
    public List<TestCaseResult> run(CompiledRuleSet candidate, List<RuleSetFile> files) {
        return TestSheetCells.run(files, (file, sheet) -> read(file, sheet).stream().map(c -> c.run(candidate)).toList());
    }

    private record Expectation(int row, String code, Verdict verdict) {
    }

    private final class TestCase {
        final String file;
        final String name;
        final ObjectNode subject = mapper.createObjectNode();
        final List<Expectation> expectations = new ArrayList<>();
        String jurisdiction;
        int firstRow = -1;
        int lastRow;
        int lastColumn;

        TestCase(String file, String name) {
            this.file = file;
            this.name = name;
        }

        TestCaseResult run(CompiledRuleSet candidate) {
            return TestSheetCells.outcome(file, name, firstRow, lastRow, lastColumn,
                    () -> evaluator.evaluate(candidate, jurisdiction, subject),
                    (result, failures) -> expectations.forEach(expected -> compare(expected, result.checks(), failures)));
        }

        private void compare(Expectation expected, List<CheckResult> checks, List<String> failures) {
            List<Verdict> found = checks.stream().filter(c -> c.code().equals(expected.code()))
                    .map(CheckResult::verdict).toList();
            Verdict indicator = INDICATOR_ORDER.stream().filter(found::contains).findFirst().orElse(null);
            if (indicator != expected.verdict()) {
                failures.add(Texts.of("test-case.verdict-differs", expected.row() + 1, expected.code(),
                        expected.verdict().label(), indicator == null ? Texts.of("test-case.no-check") : indicator.label()));
            }
        }
    }

    private List<TestCase> read(String file, Sheet sheet) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = null;
        Map<String, TestCase> cases = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (columns == null) {
                if (CASE.equals(text(row.getCell(0)))) {
                    Map<String, Integer> found = headings(row);
                    columns = found;
                    List<String> missing = List.of(CASE, JURISDICTION, FIELD, VALUE, CODE_EXPECTED, VERDICT_EXPECTED)
                            .stream().filter(h -> !found.containsKey(h)).toList();
                    if (!missing.isEmpty()) {
                        problems.add(RuleSetProblem.of(file, SHEET, "A" + (row.getRowNum() + 1), "test-case.heading-lacks",
                                String.join("、", missing)));
                        break;
                    }
                }
                continue;
            }
            String name = text(row.getCell(columns.get(CASE))).strip();
            if (name.isBlank()) {
                continue;
            }
            try {
                add(cases.computeIfAbsent(name, n -> new TestCase(file, n)), row, columns);
            } catch (TestSheetCells.BadCell e) {
                problems.add(new RuleSetProblem(file, SHEET, e.cell(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        return List.copyOf(cases.values());
    }

    private void add(TestCase testCase, Row row, Map<String, Integer> columns) {
        if (testCase.firstRow < 0) {
            testCase.firstRow = row.getRowNum();
            testCase.jurisdiction = required(row, columns.get(JURISDICTION));
        }
        testCase.lastRow = row.getRowNum();
        testCase.lastColumn = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        String field = optional(row, columns.get(FIELD));
        if (field != null) {
            set(testCase.subject, field, required(row, columns.get(VALUE)), row, columns.get(FIELD));
        }
        String code = optional(row, columns.get(CODE_EXPECTED));
        if (code != null) {
            String label = required(row, columns.get(VERDICT_EXPECTED));
            Verdict verdict = Arrays.stream(Verdict.values()).filter(v -> v.label().equals(label)).findFirst()
                    .orElseThrow(() -> bad(row, columns.get(VERDICT_EXPECTED), Texts.of("test-case.not-a-verdict", label,
                            String.join("、", Arrays.stream(Verdict.values()).map(Verdict::label).toList()))));
            testCase.expectations.add(new Expectation(row.getRowNum(), code, verdict));
        }
    }

    /** Sets {@code path} (steps such as {@code grades[0]} separated by dots) of the subject to the cell's value. */
    private void set(ObjectNode subject, String path, String value, Row row, int column) {
        String[] steps = path.split("\\.", -1);
        JsonNode node = subject;
        for (int i = 0; i < steps.length; i++) {
            Matcher step = STEP.matcher(steps[i]);
            if (!step.matches()) {
                throw bad(row, column, Texts.of("test-case.not-a-field", path));
            }
            boolean last = i == steps.length - 1;
            ObjectNode parent = (ObjectNode) node;
            String name = step.group(1);
            if (step.group(2) == null) {
                if (last) {
                    parent.set(name, value(value));
                } else {
                    node = parent.has(name) && parent.get(name).isObject() ? parent.get(name) : parent.putObject(name);
                }
                continue;
            }
            int index = Integer.parseInt(step.group(2));
            ArrayNode array = parent.has(name) && parent.get(name).isArray() ? (ArrayNode) parent.get(name) : parent.putArray(name);
            while (array.size() <= index) {
                array.addObject();
            }
            if (last) {
                array.set(index, value(value));
            } else {
                node = array.get(index);
            }
        }
    }

    /** A number, true or false, a list (values separated by 、) or a string. */
    private JsonNode value(String cell) {
        if (cell.contains("、")) {
            ArrayNode list = mapper.createArrayNode();
            Arrays.stream(cell.split("、")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> list.add(value(s)));
            return list;
        }
        if (NUMBER.matcher(cell).matches()) {
            BigDecimal number = new BigDecimal(cell);
            return number.scale() <= 0 ? mapper.getNodeFactory().numberNode(number.longValueExact())
                    : mapper.getNodeFactory().numberNode(number);
        }
        if (cell.equals("true") || cell.equals("false")) {
            return mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(cell));
        }
        return mapper.getNodeFactory().textNode(cell);
    }
}
