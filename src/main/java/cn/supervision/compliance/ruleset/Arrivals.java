package cn.supervision.compliance.ruleset;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The one lock that serialises the arrival of versions (start-up, upload, folder save) and their activations, so that
 * "the active version" read by an upload is still the active one when its version is stored. Evaluations never wait
 * for it.
 */
@Component
public class Arrivals {

    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T serially(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
