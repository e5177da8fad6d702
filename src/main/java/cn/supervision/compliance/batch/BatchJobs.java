package cn.supervision.compliance.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.supervision.compliance.evaluation.RequestChecks;

/**
 * Batches as the API sees them. A submitted batch is stored with its input and queued in one transaction; from then
 * on it belongs to the database, not to this instance: any instance runs it ({@link BatchEngine}), a restart resumes
 * it, and its progress and summary are read from the database on every instance.
 */
@Service
public class BatchJobs {

    private final BatchStore store;
    private final RequestChecks checks;
    private final QueueChannel jobs;
    private final TransactionTemplate transaction;

    BatchJobs(BatchStore store, RequestChecks checks,
              @Qualifier("batchJobQueue") QueueChannel jobs, TransactionTemplate transaction) {
        this.store = store;
        this.checks = checks;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    /**
     * Checks the rule set and jurisdiction, then stores and queues the batch; its evaluations are {@code submittedBy}'s,
     * and only counties inside {@code submitterNode}'s subtree are evaluated.
     */
    public BatchProgress submit(BatchInput input, String ruleSet, String jurisdiction, String submittedBy,
                                String submitterNode) {
        try {
            checks.checkParameters(ruleSet, jurisdiction);
            // no jurisdiction: each county is judged under its own node, as a single evaluation is
            String effective = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction;
            BatchStore.Batch batch = new BatchStore.Batch(UUID.randomUUID().toString(), ruleSet, effective,
                    submittedBy, submitterNode, input.total(), input.sources().size(), "QUEUED", Instant.now(), null, null, null,
                    0, 0);
            transaction.executeWithoutResult(status -> {
                store.create(batch, input);
                jobs.send(MessageBuilder.withPayload(batch.id()).build());
            });
            return progress(store.find(batch.id()).orElseThrow());
        } finally {
            input.delete();
        }
    }

    public Optional<BatchProgress> progress(String id) {
        return store.find(id).map(BatchJobs::progress);
    }

    /** The progress of every batch, newest first. */
    public List<BatchProgress> all() {
        return store.all().stream().map(BatchJobs::progress).toList();
    }

    /** The submitter of a batch, to decide who may read it. */
    public Optional<String> submitter(String id) {
        return store.find(id).map(BatchStore.Batch::submittedBy);
    }

    /** A page of the counties done so far (while the job runs, too); empty when there is no such batch. */
    public Optional<BatchCounty.Page> counties(String id, int page, int size) {
        return store.find(id).map(batch -> store.counties(batch.id(), page, size));
    }

    /** The summary, once the batch is done. */
    public Optional<BatchSummary> summary(String id) {
        return store.find(id).filter(batch -> batch.status().equals("DONE")).map(store::summary);
    }

    /** Where the batch is: counties done of the total, the rate since it first started and the estimated time left. */
    private static BatchProgress progress(BatchStore.Batch batch) {
        int done = batch.done();
        Instant start = batch.startedAt();
        Instant end = batch.finishedAt() != null ? batch.finishedAt() : Instant.now();
        double seconds = start == null ? 0 : Math.max(Duration.between(start, end).toMillis(), 1) / 1000.0;
        Double rate = start == null || done == 0 ? null : Math.round(done / seconds * 10) / 10.0;
        Long eta = batch.status().equals("DONE") ? Long.valueOf(0)
                : rate == null ? null : Math.round((batch.total() - done) / (done / seconds));
        return new BatchProgress(batch.id(), batch.status(), batch.ruleSet(), batch.jurisdiction(),
                batch.submittedBy(), batch.submitterNode(), batch.total(), done, batch.invalid(), rate, eta, batch.submittedAt(), start,
                batch.finishedAt(), batch.failure());
    }
}
