package cn.supervision.compliance.api;

/** Every place for an evaluation is taken: refused at once (503 with {@code Retry-After}) instead of queued. */
final class Overloaded extends RuntimeException {

    private final long retryAfterSeconds;

    Overloaded(int limit, long retryAfterSeconds) {
        super("all " + limit + " evaluation places are taken");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
