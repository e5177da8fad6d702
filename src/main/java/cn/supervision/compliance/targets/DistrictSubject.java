package cn.supervision.compliance.targets;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import cn.supervision.compliance.facts.SpendingYear;

/**
 * A district under the {@code district-targets} rule set (INDICATORS.md §3, D01–D07 and a jurisdiction's own D09).
 * Rates are percentages 0–100, money in yuan. Every figure is optional: one not supplied makes its check "not
 * assessed". {@code spending} is a series of consecutive years, oldest first, ending no later than {@code year}.
 * {@code bonusParity}: bonuses paid to civil servants reach teachers at the same time and on the same scale (D10);
 * {@code privateSchoolsEnrolWithPublic}: private schools enrol at the same time as public ones (D11).
 */
public record DistrictSubject(
        @NotBlank @Size(max = 64) String districtCode,
        @Size(max = 200) String districtName,
        @Min(1949) @Max(9999) int year,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal inclusiveKindergartenCoverage,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal publicKindergartenShare,
        @Size(max = 100) List<@Valid @NotNull SpecialEducationSchool> specialEducationSchools,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal smartCampusRate,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal kindergartenFundingPerChild,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal kindergartenFundingPerChildLastYear,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal cityKindergartenFundingBaseline,
        @Size(min = 2, max = 20) List<@Valid @NotNull SpendingYear> spending,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal teacherAveragePay,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal civilServantAveragePay,
        @Size(max = 100) List<@Valid @NotNull AssociationActivities> associationActivities,
        @Min(0) @Max(10000) Integer troupeSchoolPerformances,
        Boolean bonusParity,
        Boolean privateSchoolsEnrolWithPublic) {

    public record SpecialEducationSchool(@NotBlank @Size(max = 200) String name,
                                         @NotEmpty List<@NotNull SpecialEducationStage> stages) {
    }

    /** One year of general-budget education spending (一般公共预算教育支出) and per-student spending, in yuan. */
    public record SpendingYear(@Min(1949) @Max(9999) int year,
                               @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal generalBudget,
                               @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal perStudent) {
    }

    /** The school activities one literary and art association (文联协会) ran this year (D09). */
    public record AssociationActivities(@NotBlank @Size(max = 100) String association,
                                        @NotNull @Min(0) @Max(10000) Integer activities) {
    }
}
