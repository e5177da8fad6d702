package cn.supervision.compliance.ruleset;

import java.util.List;

/**
 * Runs the test cases a rule set's workbooks carry (for example a sheet {@code 测试用例}) on a candidate rule base. One
 * implementation per rule set, next to the evaluator that knows its subject; a test sheet whose cells cannot be read
 * throws {@link WorkbookRejected} naming them.
 */
public interface WorkbookTestCases {

    String ruleSet();

    List<TestCaseResult> run(CompiledRuleSet candidate, List<RuleSetFile> files);
}
