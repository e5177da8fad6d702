package cn.supervision.compliance.batch;

import java.util.List;

import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import cn.supervision.compliance.audit.EvaluationStore;

/**
 * Stores a chunk's evaluations in the audit trail (submitted by the batch's submitter) and one row per county in
 * {@code batch_county}. Spring Batch runs the writer in the chunk's transaction, which also commits the partition's
 * read position: a county is stored with its position or not at all, and the row's key refuses it a second time.
 */
class CountyWriter implements ItemWriter<CountyOutcome> {

    private final EvaluationStore evaluations;
    private final BatchStore batches;
    private final String batchId;
    private final String submittedBy;

    CountyWriter(EvaluationStore evaluations, BatchStore batches, String batchId, String submittedBy) {
        this.evaluations = evaluations;
        this.batches = batches;
        this.batchId = batchId;
        this.submittedBy = submittedBy;
    }

    @Override
    public void write(Chunk<? extends CountyOutcome> chunk) {
        List<EvaluationStore.Submission> submissions = chunk.getItems().stream()
                .filter(CountyOutcome.Evaluated.class::isInstance)
                .map(outcome -> ((CountyOutcome.Evaluated) outcome).submission()).toList();
        if (!submissions.isEmpty()) {
            evaluations.saveAll(submissions, submittedBy);
        }
        batches.recordOutcomes(batchId, chunk.getItems());
    }
}
