package cn.supervision.compliance.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code batch_job.status} in step with the job: {@code RUNNING} when an execution starts (again), {@code DONE}
 * when it completes (its input is then deleted), {@code FAILED} when it fails (the input is kept, so a restart of the
 * job can still resume it).
 */
@Component
class BatchLifecycle implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BatchLifecycle.class);

    private final BatchStore store;

    BatchLifecycle(BatchStore store) {
        this.store = store;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        store.running(batch(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        String batch = batch(execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            store.done(batch);
        } else if (execution.getStatus() == BatchStatus.FAILED) {
            log.error("batch {} failed: {}", batch, execution.getAllFailureExceptions());
            store.failed(batch,
                    "the batch could not be completed (storage or reading failure); the failure has been logged");
        }
    }

    private static String batch(JobExecution execution) {
        return execution.getJobParameters().getString(BatchEngine.BATCH);
    }
}
