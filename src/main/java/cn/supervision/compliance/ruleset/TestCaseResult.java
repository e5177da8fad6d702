package cn.supervision.compliance.ruleset;

import java.util.List;

/** The outcome of one test case of a workbook's test sheet: its name, rows and every expectation not met. */
public record TestCaseResult(String file, String sheet, String name, String rows, boolean passed, List<String> failures) {
}
