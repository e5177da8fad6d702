package cn.supervision.compliance.batch;

import java.sql.DatabaseMetaData;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.audit.EvaluationStore;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.RequestChecks;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * The batch job on Spring Batch, spread over the instances by Spring Integration: a job {@value #JOB} per batch (job
 * parameter {@value #BATCH}) whose one step {@value #PARTITIONED_STEP} splits the counties into ranges and sends one
 * {@link StepExecutionRequest} per range to {@code partitionQueue}, a queue in the database
 * ({@link JdbcChannelMessageStore}). Every instance polls that queue and runs the partition it takes as step
 * {@value #PARTITION_STEP}: read the range's lines, evaluate, store, a chunk per transaction, the read position
 * committed with the chunk. The job's own start goes through {@code batchJobQueue} the same way, so whichever instance
 * is free runs it. The manager follows its partitions by polling the job repository.
 */
@Configuration(proxyBeanMethods = false)
class BatchEngine {

    static final String JOB = "county-batch";
    static final String PARTITIONED_STEP = "evaluate-counties";
    static final String PARTITION_STEP = "evaluate-partition";
    static final String BATCH = "batch";
    static final String RULE_SET = "ruleSet";
    static final String JURISDICTION = "jurisdiction";
    static final String SUBMITTED_BY = "submittedBy";
    static final String SUBMITTER_NODE = "submitterNode";

    private static final Logger log = LoggerFactory.getLogger(BatchEngine.class);

    /** The job's parameters: the batch identifies the job instance, so a restart continues the same one. */
    static JobParameters parameters(BatchStore.Batch batch) {
        return new JobParametersBuilder().addString(BATCH, batch.id())
                .addString(RULE_SET, batch.ruleSet(), false)
                .addString(JURISDICTION, batch.jurisdiction() == null ? "" : batch.jurisdiction(), false)
                .addString(SUBMITTED_BY, batch.submittedBy(), false)
                .addString(SUBMITTER_NODE, batch.submitterNode() == null
                        ? EvaluationRequest.DEFAULT_JURISDICTION : batch.submitterNode(), false)
                .toJobParameters();
    }

    @Bean
    JdbcChannelMessageStore batchMessages(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(queryProvider(dataSource));
        store.setRegion("compliance-batch");
        store.setUsingIdCache(true);
        // only what the two queues carry is ever deserialised from the table
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                StepExecutionRequest.class.getName());
        return store;
    }

    private static ChannelMessageStoreQueryProvider queryProvider(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the batch queues", e);
        }
        return switch (product) {
            case "H2" -> new H2ChannelMessageStoreQueryProvider();
            case "PostgreSQL" -> new PostgresChannelMessageStoreQueryProvider();
            default -> throw new IllegalStateException("batch queues are not set up for " + product);
        };
    }

    /** Batches to run (the payload is the batch's id). */
    @Bean
    QueueChannel batchJobQueue(JdbcChannelMessageStore store) {
        return new QueueChannel(new MessageGroupQueue(store, "batch-jobs"));
    }

    /** Partitions to run, from every running job. */
    @Bean
    QueueChannel partitionQueue(JdbcChannelMessageStore store) {
        return new QueueChannel(new MessageGroupQueue(store, "batch-partitions"));
    }

    @Bean
    Job countyBatchJob(JobRepository repository, @Qualifier("evaluateCounties") Step evaluateCounties,
                       BatchLifecycle lifecycle) {
        return new JobBuilder(JOB, repository).listener(lifecycle).start(evaluateCounties).build();
    }

    @Bean
    Step evaluateCounties(JobRepository repository, JobExplorer explorer, Partitioner countyPartitioner,
                          @Qualifier("partitionQueue") QueueChannel partitionQueue, BatchProperties properties) {
        return new RemotePartitioningManagerStepBuilder(PARTITIONED_STEP, repository)
                .partitioner(PARTITION_STEP, countyPartitioner).gridSize(properties.partitions())
                .outputChannel(partitionQueue).jobExplorer(explorer)
                .pollInterval(properties.pollInterval().toMillis()).build();
    }

    @Bean
    @StepScope
    Partitioner countyPartitioner(BatchStore store, @Value("#{jobParameters['" + BATCH + "']}") String batch) {
        return new CountyPartitioner(store.find(batch).orElseThrow().lines());
    }

    @Bean
    Step evaluatePartition(JobRepository repository, PlatformTransactionManager transactions,
                           JdbcPagingItemReader<CountyLine> countyLines,
                           CountyEvaluator countyEvaluator, CountyWriter countyWriter, BatchProperties properties) {
        return new StepBuilder(PARTITION_STEP, repository)
                .<CountyLine, CountyOutcome>chunk(properties.chunkSize(), transactions)
                .reader(countyLines).processor(countyEvaluator).writer(countyWriter).build();
    }

    /** The partition's lines in order; the last position read is saved with each chunk, so a restart resumes there. */
    @Bean
    @StepScope
    JdbcPagingItemReader<CountyLine> countyLines(DataSource dataSource, BatchProperties properties,
                                                 @Value("#{jobParameters['" + BATCH + "']}") String batch,
                                                 @Value("#{stepExecutionContext['from']}") Integer from,
                                                 @Value("#{stepExecutionContext['to']}") Integer to) {
        return new JdbcPagingItemReaderBuilder<CountyLine>().name("countyLines").dataSource(dataSource)
                .selectClause("position, source, content").fromClause("batch_line")
                .whereClause("batch_id = :batch AND position >= :from AND position < :to")
                .parameterValues(Map.of("batch", batch, "from", from, "to", to))
                .sortKeys(Map.of("position", Order.ASCENDING)).pageSize(properties.chunkSize())
                .rowMapper((row, n) -> new CountyLine(row.getInt("position"), row.getString("source"),
                        row.getString("content")))
                .build();
    }

    /** The rule base active when the partition starts serves the whole partition. */
    @Bean
    @StepScope
    CountyEvaluator countyEvaluator(
            Evaluations evaluations, RuleSets ruleSets, ObjectMapper mapper, RequestChecks checks,
            @Value("#{jobParameters['" + RULE_SET + "']}") String ruleSet,
            @Value("#{jobParameters['" + JURISDICTION + "']}") String jurisdiction,
            @Value("#{jobParameters['" + SUBMITTER_NODE + "']}") String submitterNode) {
        return new CountyEvaluator(evaluations, ruleSets.active(ruleSet), mapper, checks, ruleSet,
                jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction, submitterNode);
    }

    @Bean
    @StepScope
    CountyWriter countyWriter(EvaluationStore evaluations, BatchStore store,
                                           @Value("#{jobParameters['" + BATCH + "']}") String batch,
                                           @Value("#{jobParameters['" + SUBMITTED_BY + "']}") String submittedBy) {
        return new CountyWriter(evaluations, store, batch, submittedBy);
    }

    @Bean
    HeldMessageWorkers partitionWorkers(BatchProperties properties, PlatformTransactionManager transactions,
                                        JdbcChannelMessageStore store) {
        return new HeldMessageWorkers("batch-partition", properties.workerThreads(), transactions, store);
    }

    @Bean
    HeldMessageWorkers jobWorkers(PlatformTransactionManager transactions, JdbcChannelMessageStore store) {
        return new HeldMessageWorkers("batch-job", 1, transactions, store);
    }

    /**
     * Runs the partitions this instance takes. A request of a job execution that is no longer running (one that was
     * stopped because its instance died, and has been restarted since) is dropped: the restart sent its own.
     */
    @Bean
    IntegrationFlow partitionFlow(@Qualifier("partitionQueue") QueueChannel partitionQueue,
                                  @Qualifier("partitionWorkers") HeldMessageWorkers workers, JobExplorer explorer,
                                  @Qualifier("evaluatePartition") Step evaluatePartition, BatchProperties properties) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobExplorer(explorer);
        handler.setStepLocator(new StepLocator() {
            @Override
            public Collection<String> getStepNames() {
                return List.of(PARTITION_STEP);
            }

            @Override
            public Step getStep(String name) {
                return evaluatePartition;
            }
        });
        return IntegrationFlow.from(partitionQueue)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    workers.runHolding(() -> {
                        StepExecution partition = explorer.getStepExecution(request.getJobExecutionId(),
                                request.getStepExecutionId());
                        if (partition != null && partition.getJobExecution().getStatus() == BatchStatus.STARTED) {
                            handler.handle(request);
                        } else {
                            log.info("dropped {}: its job execution is no longer running", request);
                        }
                    });
                    return null;
                }, endpoint -> endpoint.poller(workers.poller(properties.pollInterval())))
                .get();
    }

    @Bean
    IntegrationFlow jobFlow(@Qualifier("batchJobQueue") QueueChannel batchJobQueue,
                            @Qualifier("jobWorkers") HeldMessageWorkers workers, BatchRunner runner,
                            BatchProperties properties) {
        return IntegrationFlow.from(batchJobQueue)
                .handle(String.class, (batch, headers) -> {
                    workers.runHolding(() -> runner.run(batch));
                    return null;
                }, endpoint -> endpoint.poller(workers.poller(properties.pollInterval())))
                .get();
    }
}
