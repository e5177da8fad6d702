package cn.supervision.compliance.batch;

import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a batch's job to its end on this instance: starts it, or restarts it where it stopped. A job execution still
 * marked running when its batch message reaches this instance was left by an instance that died (the message was
 * held by that instance until then): it is stopped first — its partitions still running elsewhere stop at their next
 * chunk, those no instance has committed for {@code compliance.batch.stale-after} are taken for dead — and Spring Batch
 * then restarts the job, skipping the completed partitions and resuming the others from their last committed line.
 */
@Component
class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    private final JobLauncher launcher;
    private final JobRepository repository;
    private final JobExplorer explorer;
    private final Job job;
    private final BatchStore store;
    private final BatchProperties properties;

    BatchRunner(JobLauncher launcher, JobRepository repository, JobExplorer explorer, Job countyBatchJob,
                BatchStore store, BatchProperties properties) {
        this.launcher = launcher;
        this.repository = repository;
        this.explorer = explorer;
        this.job = countyBatchJob;
        this.store = store;
        this.properties = properties;
    }

    void run(String batchId) {
        Optional<BatchStore.Batch> batch = store.find(batchId);
        if (batch.isEmpty()) {
            log.warn("batch {} is not in the database; its message is dropped", batchId);
            return;
        }
        JobParameters parameters = BatchEngine.parameters(batch.get());
        JobExecution last = repository.getLastJobExecution(BatchEngine.JOB, parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        try {
            if (last != null && last.isRunning()) {
                log.warn("batch {}: job execution {} was left running by an instance that stopped; resuming it",
                        batchId, last.getId());
                stop(last.getId());
            }
            launcher.run(job, parameters);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JobExecutionException | RuntimeException e) {
            log.error("batch {} could not be run", batchId, e);
            store.failed(batchId, "the batch could not be run; the failure has been logged");
        }
    }

    private void stop(long executionId) throws InterruptedException {
        JobExecution orphan = explorer.getJobExecution(executionId);
        orphan.setStatus(BatchStatus.STOPPING);
        repository.update(orphan);
        do {
            while (partitionsAlive(executionId)) {
                Thread.sleep(properties.pollInterval().toMillis());
            }
        } while (!markStepsStopped(executionId));
        JobExecution stopped = explorer.getJobExecution(executionId);
        stopped.setStatus(BatchStatus.STOPPED);
        stopped.setExitStatus(ExitStatus.STOPPED.addExitDescription("its instance stopped; restarted"));
        stopped.setEndTime(LocalDateTime.now());
        repository.update(stopped);
    }

    /**
     * Marks the execution's running steps stopped; false if a worker wrote one of them meanwhile. A partition request
     * released by the dead instance may be taken up by a worker (of this or another instance) that saw the job still
     * STARTED just before it became STOPPING: its first step update and ours race on the same row, and Spring Batch
     * writes a step execution under optimistic locking only (no status synchronisation for steps, unlike jobs). The
     * loser gets an {@link OptimisticLockingFailureException}: if it is ours, that worker is alive and stops at its
     * next chunk (the job is STOPPING), so we wait for it again; if it is the worker's, its request rolls back and
     * is dropped on its next poll, the job being no longer STARTED.
     */
    private boolean markStepsStopped(long executionId) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : explorer.getJobExecution(executionId).getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.STOPPED);
                step.setExitStatus(ExitStatus.STOPPED);
                step.setEndTime(now);
                try {
                    repository.update(step);
                } catch (OptimisticLockingFailureException e) {
                    log.info("step execution {} was taken up by a worker while its job stopped; waiting for it",
                            step.getId());
                    return false;
                }
            }
        }
        return true;
    }

    /** A partition still committing within {@code stale-after} runs on a live instance: wait until it has stopped. */
    private boolean partitionsAlive(long executionId) {
        LocalDateTime alive = LocalDateTime.now().minus(properties.staleAfter());
        return explorer.getJobExecution(executionId).getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(BatchEngine.PARTITION_STEP))
                .anyMatch(step -> step.getStatus().isRunning() && step.getLastUpdated() != null
                        && step.getLastUpdated().isAfter(alive));
    }
}
