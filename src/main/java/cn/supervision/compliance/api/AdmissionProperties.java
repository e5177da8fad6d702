package cn.supervision.compliance.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Admission control of evaluations ({@code compliance.admission.*}): at most {@code maxConcurrent} evaluations run at
 * once, and together they cost at most {@code capacity} schools, a request's cost being its body's size over
 * {@code bytesPerSchool} (known before the body is read); one client holds at most {@code clientShare} of the capacity
 * while it runs more than one request. A request that finds no room within {@code maxWait} is answered 503 at once,
 * with {@code Retry-After} (whole seconds, at least one) saying when to try again.
 */
@Validated
@ConfigurationProperties("compliance.admission")
record AdmissionProperties(@DefaultValue("8") @Min(1) int maxConcurrent, @DefaultValue("50ms") Duration maxWait,
                           @DefaultValue("1s") Duration retryAfter, @DefaultValue("6000") @Min(1) long capacity,
                           @DefaultValue("512") @Min(1) int bytesPerSchool,
                           @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1") double clientShare) {

    /**
     * The cost of a request of {@code bytes} (schools, at least one, at most the capacity); a body of unknown length
     * (chunked) costs a client's whole share.
     */
    long cost(long bytes) {
        if (bytes < 0) {
            return share();
        }
        return Math.min(capacity, Math.max(1, bytes / bytesPerSchool));
    }

    long share() {
        return Math.max(1, (long) (capacity * clientShare));
    }
}
