package cn.supervision.compliance.batch;

import java.time.Instant;

/**
 * A batch's progress as reported on {@code GET /api/v1/batches/{id}}: {@code done} of {@code total} counties (invalid
 * ones included), {@code ratePerSecond} counties per second since it started and {@code etaSeconds} left.
 */
public record BatchProgress(String id, String status, String ruleSet, String jurisdiction, String submittedBy,
                            int total, int done, int invalid, Double ratePerSecond, Long etaSeconds,
                            Instant submittedAt, Instant startedAt, Instant finishedAt, String failure) {
}
