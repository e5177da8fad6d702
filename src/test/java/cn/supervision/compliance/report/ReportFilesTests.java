package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * A report download replays its evaluation only once it holds a place to build: ten downloads of a 5,000-school
 * county replayed it ten times at once, holding the heap, before the places were counted (soak test, issue 21).
 */
class ReportFilesTests {

    @Test
    void aDownloadRefusedForWantOfAPlaceDoesNotReplay() throws Exception {
        ReportFiles files = new ReportFiles(null, 1, Duration.ZERO);
        CountDownLatch replaying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> files.build(null, stored -> {
            replaying.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the first replay ends here");
        }));
        assertThat(replaying.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean replayed = new AtomicBoolean();
        assertThatThrownBy(() -> files.build(null, stored -> {
            replayed.set(true);
            return null;
        })).isInstanceOf(ReportsBusy.class);
        assertThat(replayed).isFalse();

        release.countDown();
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the first replay ends here");
    }
}
