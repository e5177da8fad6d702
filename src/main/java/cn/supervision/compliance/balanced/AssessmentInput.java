package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import cn.supervision.compliance.facts.SpendingYear;

/**
 * The county-level facts of the full assessment (INDICATORS.md §1.2–1.5), the assessment team's class-B sub-item
 * scores and the veto flags. Rates are percentages (0–100). Every field is optional: an indicator whose facts are
 * missing is reported as not assessed, never as passed.
 */
public record AssessmentInput(
        Boolean unifiedStandards,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal teacherAveragePayYuan,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal civilServantAveragePayYuan,
        Boolean allowancesPaid,
        Boolean performancePayVerified,
        @DecimalMin("0") @DecimalMax("100") BigDecimal trainingCompletionPct,
        Boolean staffingAllocatedByCounty,
        Boolean staffingAdjustedDynamically,
        @PositiveOrZero Integer eligibleRotationTeachers,
        @PositiveOrZero Integer rotatedTeachers,
        @PositiveOrZero Integer rotatedBackboneTeachers,
        @DecimalMin("0") @DecimalMax("100") BigDecimal nearbyEnrolmentPrimaryPct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal nearbyEnrolmentJuniorPct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal quotaAllocationPct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal ruralQuotaSharePct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal ruralGraduateSharePct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal migrantChildrenPublicPct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal juniorRetentionPct,
        @DecimalMin("0") @DecimalMax("100") BigDecimal disabledEnrolmentPct,
        @Min(1) @Max(4) Integer monitoringLowestLevel,
        @DecimalMin("0") @DecimalMax("1") BigDecimal monitoringDifferenceRate,
        @DecimalMin("0") @DecimalMax("100") BigDecimal socialRecognitionPct,
        @Min(1990) @Max(2100) Integer basicBalanceRecognitionYear,
        @Valid LivingSubsidies livingSubsidiesYuan,
        @Size(max = 10) List<@Valid @NotNull SpendingYear> spending,
        @Size(max = 20) Map<String, @NotNull @Size(max = 10) List<@NotNull @Digits(integer = 3, fraction = 2) BigDecimal>> scores,
        @Size(max = 20) Map<String, @NotNull Boolean> veto) {

    /** Living subsidy per student from a poor family per year (G25), in yuan: boarders and day pupils per stage. */
    public record LivingSubsidies(
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal primaryBoarder,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal primaryDay,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal juniorBoarder,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal juniorDay) {
    }
}
