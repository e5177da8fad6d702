package cn.supervision.compliance.report;

/**
 * Every place for building a report, or for reading an uploaded template, is taken: refused (503 with
 * {@code Retry-After}) rather than held in memory. {@code detail}: the catalogue code of the problem's detail.
 */
public final class ReportsBusy extends RuntimeException {

    private final long retryAfterSeconds;
    private final String detail;

    ReportsBusy(String detail, long retryAfterSeconds) {
        super(detail);
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String detail() {
        return detail;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
