package cn.supervision.compliance.evaluation;

/** Every place for replaying stored evaluations is taken ({@link ReplayPlaces}): refused, 503 with Retry-After. */
public final class ReplaysBusy extends RuntimeException {

    private final long retryAfterSeconds;

    ReplaysBusy(long retryAfterSeconds) {
        super("every place for replaying stored evaluations is taken");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
