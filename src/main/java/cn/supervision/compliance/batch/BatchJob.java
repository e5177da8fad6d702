package cn.supervision.compliance.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** One batch: who submitted it, how far it has got, and its summary once it has ended. */
final class BatchJob {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    private final String id;
    private final String ruleSet;
    private final String jurisdiction;
    private final String submittedBy;
    private final int total;
    private final Instant submittedAt = Instant.now();
    private final AtomicInteger done = new AtomicInteger();
    private final SummaryTally tally = new SummaryTally();
    private volatile Status status = Status.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String failure;
    private volatile BatchSummary summary;

    BatchJob(String id, String ruleSet, String jurisdiction, String submittedBy, int total) {
        this.id = id;
        this.ruleSet = ruleSet;
        this.jurisdiction = jurisdiction;
        this.submittedBy = submittedBy;
        this.total = total;
    }

    String id() {
        return id;
    }

    String ruleSet() {
        return ruleSet;
    }

    String jurisdiction() {
        return jurisdiction;
    }

    String submittedBy() {
        return submittedBy;
    }

    int total() {
        return total;
    }

    SummaryTally tally() {
        return tally;
    }

    BatchSummary summary() {
        return summary;
    }

    void started() {
        startedAt = Instant.now();
        status = Status.RUNNING;
    }

    void countiesDone(int counties) {
        done.addAndGet(counties);
    }

    void finished() {
        summary = tally.summary(this);
        finishedAt = Instant.now();
        status = Status.DONE;
    }

    void failed(String reason) {
        failure = reason;
        finishedAt = Instant.now();
        status = Status.FAILED;
    }

    /** Where the batch is: counties done of the total, the rate so far and the estimated time left. */
    BatchProgress progress() {
        int counties = done.get();
        Instant start = startedAt;
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = start == null ? 0 : Math.max(Duration.between(start, end).toMillis(), 1) / 1000.0;
        Double rate = start == null || counties == 0 ? null : Math.round(counties / seconds * 10) / 10.0;
        Long eta = status == Status.DONE ? Long.valueOf(0)
                : rate == null ? null : Math.round((total - counties) / (counties / seconds));
        return new BatchProgress(id, status.name(), ruleSet, jurisdiction, submittedBy, total, counties,
                tally.invalidCount(), rate, eta, submittedAt, startedAt, finishedAt, failure);
    }
}
