package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.audit.Traces;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.StoredEvaluation;

/**
 * Excel reports, complete or refused: each is built whole into a temporary file (SXSSF, a window of rows in memory)
 * before its first byte is sent, and answered with its length, on the request's own thread. Streamed while being
 * built, a report that took longer than Spring MVC's async timeout (30 s) arrived as a 200 with a truncated file, and
 * twelve built at once exhausted the heap. At most {@code compliance.report.max-concurrent} are built at once; another
 * waits {@code max-wait}, then gets a 503 with Retry-After ({@link ReportsBusy}).
 */
@Component
public class ReportFiles {

    private final EvaluationReport report;
    private final Semaphore builds;
    private final Duration maxWait;

    public ReportFiles(EvaluationReport report, @Value("${compliance.report.max-concurrent:2}") int maxConcurrent,
                       @Value("${compliance.report.max-wait:5s}") Duration maxWait) {
        this.report = report;
        this.builds = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /**
     * The whole report of {@code stored}, its result replayed by {@code replay} once a place is taken (ten downloads
     * of a large county replayed it ten times at once before); its file is deleted when the answer has been read.
     */
    public Resource build(StoredEvaluation stored, Function<StoredEvaluation, EvaluationResult> replay) {
        try {
            if (!builds.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReportsBusy("problem.reports-busy.detail", Math.max(1, maxWait.toSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportsBusy("problem.reports-busy.detail", 1);
        }
        Path file = null;
        try {
            EvaluationResult result = replay.apply(stored);
            Trace trace = Traces.of(stored, result);
            file = Files.createTempFile("report-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                report.write(stored, result, trace, out);
            }
            return new TemporaryFile(file, Files.size(file));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        } finally {
            builds.release();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the system's cleaning takes it
            }
        }
    }

    /** A built report, read once: the file goes when its stream is closed. */
    private static final class TemporaryFile extends AbstractResource {

        private final Path file;
        private final long length;

        private TemporaryFile(Path file, long length) {
            this.file = file;
            this.length = length;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean exists() {
            return Files.exists(file);
        }

        @Override
        public String getDescription() {
            return "Excel report " + file.getFileName();
        }
    }
}
