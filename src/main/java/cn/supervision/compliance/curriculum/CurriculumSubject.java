package cn.supervision.compliance.curriculum;

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

/**
 * A school under the {@code curriculum} rule set (INDICATORS.md §2): its grades with their weekly timetable, and its
 * school-wide practice and health figures. Rates are percentages 0–100. Every figure but the identity, the type and
 * the grades is optional: a figure not supplied makes its check "not assessed". The figures from
 * {@code aestheticTeachersStaffed} on are the duties of seeds 000, 001 and 003 that issue 23 made checkable (C04, C06,
 * C15–C17; Chinese names in data-items/curriculum.tsv). {@code dailyActivityMinutes} is the
 * physical activity in school, {@code outsideActivityMinutes} outside school; {@code operaWatchedShare} and
 * {@code dramaWatchedShare} the share of pupils who have watched a complete opera (primary) or drama (secondary).
 */
public record CurriculumSubject(
        @NotBlank @Size(max = 64) String schoolId,
        @Size(max = 200) String schoolName,
        @Min(1949) @Max(9999) int year,
        @NotNull CurriculumSchoolType type,
        @NotEmpty @Size(max = 12) List<@Valid @NotNull Grade> grades,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal totalClassHours,
        @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal aestheticClassHours,
        @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal seniorAestheticClassHours,
        @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal vocationalLabourClassHours,
        @Min(0) @Max(1440) Integer dailyActivityMinutes,
        @Min(0) @Max(1440) Integer outsideActivityMinutes,
        @Min(0) @Max(52) Integer labourWeeksPerYear,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal subjectPracticeShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal homeVisitCoverage,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal sportsSkillShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal artSkillShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal operaWatchedShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal dramaWatchedShare,
        @Valid Health health,
        @Valid Health healthLastYear,
        Boolean aestheticTeachersStaffed,
        Boolean pePeriodEveryDay,
        @Min(0) @Max(100000) Integer keyProgrammeGroups,
        @Min(0) @Max(100000) Integer strongProgrammes,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal requiredExperimentsShare,
        Boolean labourListMade) {

    /** One grade (1–12) and its weekly periods, daily written homework and paper exams per term. */
    public record Grade(
            @Min(1) @Max(12) int grade,
            @Min(0) @Max(60) Integer aestheticPeriods,
            @Min(0) @Max(60) Integer pePeriods,
            @Min(0) @Max(60) Integer labourPeriods,
            @Min(0) @Max(60) Integer practicePeriods,
            @Min(0) @Max(1440) Integer homeworkMinutes,
            @Min(0) @Max(20) Integer examsPerTerm) {
    }

    /** Students' health in one school year: physical-fitness good-and-excellent rate, obesity rate, myopia rate (%). */
    public record Health(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal fitnessGoodRate,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal obesityRate,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal myopiaRate) {
    }
}
