package cn.supervision.compliance.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the running evaluations cost, in total and per client: a request is admitted while there is a free place, its
 * cost fits the capacity, and its client either runs nothing yet or stays within its share. So eight 5,000-school
 * counties of one client cannot hold every place: the client runs one, and the small evaluations of others go on
 * beside it.
 */
final class AdmissionLedger {

    private final AdmissionProperties limits;
    private final Map<String, Long> heldByClient = new HashMap<>();
    private long held;
    private int running;

    AdmissionLedger(AdmissionProperties limits) {
        this.limits = limits;
    }

    /** Waits at most {@code waitNanos} for room; true when admitted (then {@link #release} must follow). */
    synchronized boolean admit(String client, long cost, long waitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + waitNanos;
        while (!fits(client, cost)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        running++;
        held += cost;
        heldByClient.merge(client, cost, Long::sum);
        return true;
    }

    synchronized void release(String client, long cost) {
        running--;
        held -= cost;
        heldByClient.computeIfPresent(client, (c, h) -> h - cost == 0 ? null : h - cost);
        notifyAll();
    }

    private boolean fits(String client, long cost) {
        long ofClient = heldByClient.getOrDefault(client, 0L);
        return running < limits.maxConcurrent() && held + cost <= limits.capacity()
                && (ofClient == 0 || ofClient + cost <= limits.share());
    }
}
