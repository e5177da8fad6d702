package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of a rule set: its sequence number and hash, who uploaded it when and why, the rows and cells it
 * changed against the version active when it arrived ({@link Change}), and the results of the workbooks' test cases.
 */
public record RuleSetVersion(String ruleSet, int sequence, String hash, Instant createdAt, String uploader,
                             String comment, boolean active, Instant activatedAt, List<String> files,
                             List<Change> changes, List<TestCaseResult> testResults) {
}
