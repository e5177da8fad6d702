package cn.supervision.compliance.batch;

import java.time.Instant;

/**
 * A batch's progress as reported on {@code GET /api/v1/batches/{id}}: {@code done} of {@code total} counties (invalid
 * ones included), {@code ratePerSecond} counties per second since it started and {@code etaSeconds} left.
 * {@code jurisdiction}: the node whose standard judged every county, or {@code null} for each county's own node;
 * {@code submitterNode}: the node of the account that submitted it (counties outside its subtree are refused).
 */
public record BatchProgress(String id, String status, String ruleSet, String jurisdiction, String submittedBy,
                            String submitterNode, int total, int done, int invalid, Double ratePerSecond, Long etaSeconds,
                            Instant submittedAt, Instant startedAt, Instant finishedAt, String failure) {
}
