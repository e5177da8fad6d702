package cn.supervision.compliance.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import cn.supervision.compliance.facts.JsonPaths;
import cn.supervision.compliance.audit.EvaluationStore;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;
import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Runs batches one after another; within a batch, counties are evaluated in parallel, in chunks, on the rule base that
 * was active when the batch started (read once: an activation during the run does not change it). One Drools session
 * per county; each chunk's evaluations are stored in one transaction. A county that cannot be read or evaluated is
 * recorded in the summary and the others go on. Jobs are kept in memory: a restart forgets them (their stored
 * evaluations stay in the audit trail).
 */
@Service
public class BatchJobs {

    private static final Logger log = LoggerFactory.getLogger(BatchJobs.class);

    private final Evaluations evaluations;
    private final RuleSets ruleSets;
    private final EvaluationStore store;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final BatchProperties properties;
    private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("batch-runner"));
    private final ExecutorService workers;

    BatchJobs(Evaluations evaluations, RuleSets ruleSets, EvaluationStore store, ObjectMapper mapper,
              Validator validator, BatchProperties properties) {
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
        this.store = store;
        this.mapper = mapper;
        this.validator = validator;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.workerThreads(), daemon("batch-worker"));
    }

    /** Checks the rule set and jurisdiction, then queues the batch; its evaluations are stored as {@code submittedBy}'s. */
    public BatchProgress submit(BatchInput input, String ruleSet, String jurisdiction, String submittedBy) {
        try {
            checkParameters(ruleSet, jurisdiction);
        } catch (RuntimeException e) {
            input.delete();
            throw e;
        }
        String effective = jurisdiction == null || jurisdiction.isBlank()
                ? EvaluationRequest.DEFAULT_JURISDICTION : jurisdiction;
        BatchJob job = new BatchJob(UUID.randomUUID().toString(), ruleSet, effective, submittedBy, input.total());
        jobs.put(job.id(), job);
        runner.submit(() -> run(job, input));
        return job.progress();
    }

    public Optional<BatchProgress> progress(String id) {
        return find(id).map(BatchJob::progress);
    }

    /** The progress of every batch since the start, newest first. */
    public List<BatchProgress> all() {
        return jobs.values().stream().map(BatchJob::progress)
                .sorted(Comparator.comparing(BatchProgress::submittedAt).reversed()).toList();
    }

    /** The submitter of a batch, to decide who may read it. */
    public Optional<String> submitter(String id) {
        return find(id).map(BatchJob::submittedBy);
    }

    /** The summary, once the batch has ended. */
    public Optional<BatchSummary> summary(String id) {
        return find(id).map(BatchJob::summary);
    }

    private Optional<BatchJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void checkParameters(String ruleSet, String jurisdiction) {
        List<InputProblem> problems = new ArrayList<>();
        for (ConstraintViolation<EvaluationRequest> violation :
                validator.validate(new EvaluationRequest(ruleSet, jurisdiction, NullNode.getInstance()))) {
            problems.add(InputProblem.violation(violation.getPropertyPath().toString(), violation));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InputProblem::field));
            throw new InvalidInput(problems);
        }
        ruleSets.active(ruleSet, "ruleSet");
    }

    private void run(BatchJob job, BatchInput input) {
        job.started();
        CompiledRuleSet rules = ruleSets.active(job.ruleSet());
        for (int i = 0; i < input.unreadable().size(); i++) {
            job.tally().reject(input.sources().size() + i, input.unreadable().get(i));
            job.countiesDone(1);
        }
        Semaphore inFlight = new Semaphore(properties.workerThreads() * 2);
        List<Future<?>> chunks = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(input.spool(), StandardCharsets.UTF_8)) {
            List<Line> chunk = new ArrayList<>(properties.chunkSize());
            int position = 0;
            for (String text; (text = lines.readLine()) != null; position++) {
                chunk.add(new Line(position, input.sources().get(position), text));
                if (chunk.size() == properties.chunkSize()) {
                    chunks.add(submitChunk(job, rules, chunk, inFlight));
                    chunk = new ArrayList<>(properties.chunkSize());
                }
            }
            if (!chunk.isEmpty()) {
                chunks.add(submitChunk(job, rules, chunk, inFlight));
            }
            for (Future<?> future : chunks) {
                future.get();
            }
            job.finished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed("interrupted");
        } catch (IOException | ExecutionException | RuntimeException e) {
            log.error("batch {} failed", job.id(), e);
            chunks.forEach(f -> f.cancel(false));
            job.failed("the batch could not be completed (storage or reading failure); the failure has been logged");
        } finally {
            input.delete();
        }
    }

    private Future<?> submitChunk(BatchJob job, CompiledRuleSet rules, List<Line> chunk, Semaphore inFlight)
            throws InterruptedException {
        inFlight.acquire();
        return workers.submit(() -> {
            try {
                evaluateChunk(job, rules, chunk);
            } finally {
                inFlight.release();
            }
        });
    }

    private void evaluateChunk(BatchJob job, CompiledRuleSet rules, List<Line> chunk) {
        List<EvaluationStore.Submission> submissions = new ArrayList<>(chunk.size());
        for (Line line : chunk) {
            try {
                EvaluationRequest request = request(line.text(), job);
                EvaluationResult result = evaluations.trial(rules, request).withId(UUID.randomUUID().toString());
                submissions.add(new EvaluationStore.Submission(result, request));
            } catch (InvalidInput e) {
                job.tally().reject(line.position(), new BatchSummary.InvalidCounty(line.source(), e.problems()));
            } catch (RuntimeException e) {
                log.error("batch {}: {} could not be evaluated", job.id(), line.source(), e);
                job.tally().reject(line.position(), new BatchSummary.InvalidCounty(line.source(), List.of(
                        InputProblem.of("line", "input.batch.county-failed"))));
            }
        }
        if (!submissions.isEmpty()) {
            store.saveAll(submissions, job.submittedBy());
        }
        submissions.forEach(s -> job.tally().add(s.result()));
        job.countiesDone(chunk.size());
    }

    /** A line is either a whole evaluation request (its rule set must be the batch's) or a bare county subject. */
    private EvaluationRequest request(String text, BatchJob job) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("line", "input.body.malformed", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw InvalidInput.of("line", "input.batch.not-an-object");
        }
        if (!node.has("subject")) {
            return new EvaluationRequest(job.ruleSet(), job.jurisdiction(), node);
        }
        EvaluationRequest request;
        try {
            request = mapper.treeToValue(node, EvaluationRequest.class);
        } catch (JsonMappingException e) {
            throw new InvalidInput(List.of(JsonPaths.problem(JsonPaths.of(e.getPath()).replaceFirst("^\\.", ""), e)));
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("line", "input.json.not-readable");
        }
        List<InputProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(v -> problems.add(InputProblem.violation(v.getPropertyPath().toString(), v)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!request.ruleSet().equals(job.ruleSet())) {
            throw InvalidInput.of("ruleSet", "input.batch.other-rule-set", job.ruleSet());
        }
        return request.jurisdiction() == null || request.jurisdiction().isBlank()
                ? new EvaluationRequest(job.ruleSet(), job.jurisdiction(), request.subject()) : request;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Line(int position, String source, String text) {
    }
}
