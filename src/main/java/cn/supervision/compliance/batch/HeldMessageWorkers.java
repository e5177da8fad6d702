package cn.supervision.compliance.batch;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.integration.dsl.PollerSpec;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.transaction.DefaultTransactionSynchronizationFactory;
import org.springframework.integration.transaction.IntegrationResourceHolder;
import org.springframework.integration.transaction.TransactionSynchronizationProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fixed number of workers, each taking one message from a channel backed by the {@link JdbcChannelMessageStore} and
 * holding it while its work runs: the poll is transactional, so the message's row stays locked (other instances skip
 * it) and is deleted only when the work has returned. If the instance dies, its database session ends, the deletion
 * rolls back and the message is there again for any instance. The work itself runs on a thread of its own, outside
 * the poll's transaction, so that Spring Batch's own transactions commit as they go.
 */
final class HeldMessageWorkers implements DisposableBean {

    private final PlatformTransactionManager transactions;
    private final JdbcChannelMessageStore store;
    private final ThreadPoolTaskExecutor pollers = new ThreadPoolTaskExecutor();
    private final ExecutorService work;

    HeldMessageWorkers(String name, int size, PlatformTransactionManager transactions, JdbcChannelMessageStore store) {
        this.transactions = transactions;
        this.store = store;
        pollers.setCorePoolSize(size);
        pollers.setMaxPoolSize(size);
        // every poller busy: a poll due now is dropped, not queued (the next one comes after the poll interval)
        pollers.setQueueCapacity(0);
        pollers.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        pollers.setThreadNamePrefix(name + "-poll-");
        pollers.setDaemon(true);
        pollers.initialize();
        work = Executors.newFixedThreadPool(size, daemon(name + "-"));
    }

    /** The poller of the consuming endpoint: one message per poll, in a transaction, on a free worker. */
    PollerSpec poller(Duration interval) {
        return Pollers.fixedDelay(interval).maxMessagesPerPoll(1).taskExecutor(pollers).transactional(transactions)
                .transactionSynchronizationFactory(new DefaultTransactionSynchronizationFactory(new IdCacheRelease()));
    }

    /** Runs {@code task} on a work thread and waits for it, so the message stays held until it has returned. */
    void runHolding(Runnable task) {
        Future<?> running = work.submit(task);
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            // the poll's transaction rolls back: the message stays for the next start or another instance
            throw new IllegalStateException("stopped while holding a batch message", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }


    /**
     * Stops taking messages. Work in flight is not interrupted (an interrupt during file I/O closes H2's file): it
     * fails once the connection pool has closed, its message rolls back and the next start resumes it.
     */
    @Override
    public void destroy() {
        pollers.shutdown();
        work.shutdown();
    }

    /**
     * The store remembers the messages this JVM holds, so that its other workers' polls skip them (H2 has no
     * {@code SKIP LOCKED}); it forgets one when its transaction has ended.
     */
    private final class IdCacheRelease implements TransactionSynchronizationProcessor {

        @Override
        public void processBeforeCommit(IntegrationResourceHolder holder) {
            // nothing to do before the commit
        }

        @Override
        public void processAfterCommit(IntegrationResourceHolder holder) {
            release(holder);
        }

        @Override
        public void processAfterRollback(IntegrationResourceHolder holder) {
            release(holder);
        }

        private void release(IntegrationResourceHolder holder) {
            if (holder.getMessage() != null) {
                store.removeFromIdCache(String.valueOf(holder.getMessage().getHeaders().getId()));
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
