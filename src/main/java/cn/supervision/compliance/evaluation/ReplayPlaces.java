package cn.supervision.compliance.evaluation;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Replays (full view, trace, report, impact, the cycle's readings) evaluate a stored request again, and a stored
 * 5,000-school county costs as much as its first evaluation did; unbounded, ten report downloads of one replayed it ten
 * times at once. Together they cost at most {@code compliance.replay.capacity} schools (a request's cost is its
 * schools, or 1 for a subject without); one that does not fit within {@code max-wait} is refused ({@link ReplaysBusy}).
 */
@Component
class ReplayPlaces {

    private final Semaphore schools;
    private final int capacity;
    private final Duration maxWait;

    ReplayPlaces(@Value("${compliance.replay.capacity}") int capacity,
                 @Value("${compliance.replay.max-wait}") Duration maxWait) {
        this.schools = new Semaphore(capacity, true);
        this.capacity = capacity;
        this.maxWait = maxWait;
    }

    <T> T run(JsonNode request, Supplier<T> replay) {
        int cost = Math.min(capacity, Math.max(1, request.path("subject").path("schools").size()));
        try {
            if (!schools.tryAcquire(cost, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReplaysBusy(Math.max(1, maxWait.toSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplaysBusy(1);
        }
        try {
            return replay.get();
        } finally {
            schools.release(cost);
        }
    }
}
