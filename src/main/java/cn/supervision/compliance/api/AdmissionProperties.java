package cn.supervision.compliance.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Admission control of evaluations ({@code compliance.admission.*}): at most {@code maxConcurrent} evaluations run at
 * once; a request that finds no free place within {@code maxWait} is answered 503 at once, with {@code Retry-After}
 * (whole seconds, at least one) saying when to try again.
 */
@Validated
@ConfigurationProperties("compliance.admission")
record AdmissionProperties(@DefaultValue("8") @Min(1) int maxConcurrent, @DefaultValue("50ms") Duration maxWait,
                           @DefaultValue("1s") Duration retryAfter) {
}
