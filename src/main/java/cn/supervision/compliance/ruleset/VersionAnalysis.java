package cn.supervision.compliance.ruleset;

import java.util.List;

/**
 * What an approver is shown about a version's tables before approving it (issue 22, point 5), stored with the version:
 * gaps found in its rule tables ({@code warnings}, each naming its rows), which rule rows the workbooks' own test cases
 * fire ({@code coverage} per sheet, with the rows none fires), the same figures of the version active when it was
 * uploaded ({@code activeCovered}/{@code activeTotal}), the test cases it removed and the expectations it changed, and
 * {@code notices}: each of these that weakens the checks, as one sentence (删除测试用例 3 条…).
 */
public record VersionAnalysis(List<TableWarning> warnings, List<SheetCoverage> coverage, int covered, int total,
                              Integer activeCovered, Integer activeTotal, List<String> removedTestCases,
                              List<String> changedExpectations, List<String> notices) {

    /** The coverage alone, for a version read from the folders (nothing to compare it with). */
    static VersionAnalysis coverageOnly(List<SheetCoverage> coverage) {
        return new VersionAnalysis(List.of(), coverage, coverage.stream().mapToInt(SheetCoverage::covered).sum(),
                coverage.stream().mapToInt(SheetCoverage::total).sum(), null, null, List.of(), List.of(), List.of());
    }

    /** A gap or another doubt about the rows of one rule table; {@code rows}: {@code 资源配置标准!21}. */
    public record TableWarning(String kind, String file, String sheet, List<String> rows, String message) {
    }

    /** How many rule rows of one sheet the test cases fire, of how many, and the rows none fires. */
    public record SheetCoverage(String file, String sheet, int covered, int total, List<String> uncovered) {
    }
}
