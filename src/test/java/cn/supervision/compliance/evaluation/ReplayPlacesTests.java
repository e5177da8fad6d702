package cn.supervision.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Replays are bounded by their cost in schools: a large county's replay holds places a second one cannot take. */
class ReplayPlacesTests {

    private static JsonNode county(int schools) {
        ObjectMapper json = new ObjectMapper();
        var request = json.createObjectNode();
        var list = request.putObject("subject").putArray("schools");
        for (int i = 0; i < schools; i++) {
            list.addObject().put("id", "S" + i);
        }
        return request;
    }

    @Test
    void aReplayThatDoesNotFitIsRefusedWithoutRunning() throws Exception {
        ReplayPlaces places = new ReplayPlaces(100, Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> large = CompletableFuture.supplyAsync(() -> places.run(county(80), () -> {
            running.countDown();
            await(release);
            return "large";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> places.run(county(30), () -> ran.getAndSet(true)))
                .isInstanceOf(ReplaysBusy.class);
        assertThat(ran).isFalse();
        assertThat(places.run(county(20), () -> "small beside it")).isEqualTo("small beside it");

        release.countDown();
        assertThat(large.get(10, TimeUnit.SECONDS)).isEqualTo("large");
        assertThat(places.run(county(5_000), () -> "capped at the capacity")).isEqualTo("capped at the capacity");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
