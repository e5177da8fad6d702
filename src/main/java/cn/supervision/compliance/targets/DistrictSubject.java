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
 * The figures from {@code aestheticJointConference} on are the duties of seeds 000–004 that issue 23 made checkable
 * (D11–D31; their Chinese names are in data-items/district-targets.tsv). A yes/no answers the question as the field
 * names it, so {@code unapprovedTextbooksUsed = false} is compliant; {@code lastStaffingAdjustmentYear} is the year the
 * county last re-set every school's staffing quota (D30 reads the years since then).
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
        Boolean privateSchoolsEnrolWithPublic,
        Boolean aestheticJointConference,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal aestheticLeadingGroupShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal aestheticLeaderTrainingShare,
        Boolean artFestivalsHeld,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal schoolAestheticSummaryShare,
        Boolean aestheticAnnualReport,
        Boolean artAssessmentApplied,
        Boolean artAssessmentInProfiles,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal artAssessmentPassRate,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal artAssessmentPassRateLastYear,
        Boolean pupilsInGradingOrCommercialActivities,
        Boolean aestheticActivitiesApproved,
        Boolean unapprovedTextbooksUsed,
        @Min(0) @Max(100000) Integer famousPrincipals,
        @Min(0) @Max(100000) Integer famousTeachers,
        @Min(0) @Max(100000) Integer qualitySchoolsIntroduced,
        Boolean dailyLabourTimeSet,
        Boolean enrolmentTargetsHandedDown,
        Boolean schoolsJudgedByEnrolmentRate,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal ruralSchoolsInCommunitiesShare,
        Boolean countyManagedTeacherHiring,
        @Min(0) @Max(100000) Integer publicTeachersInPrivateSchools,
        Boolean oversubscribedAdmissionsByLottery,
        @Min(0) @Max(100000) Integer oversizedKindergartenClasses,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal newEstateKindergartensPublicShare,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal poorChildrenFeeReliefShare,
        @Min(0) @Max(100000) Integer kindergartensTeachingPrimaryCurriculum,
        Boolean specialEducationTeachersStaffed,
        Boolean implementationPlanFiled,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal inclusiveEducationFundingPerPupil,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal homeTeachingFundingPerPupil,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal disabledChildrenAidedShare,
        Boolean admissionSelectionExamsHeld,
        Boolean peArtTeacherPlanAdopted,
        Boolean schoolSafetyFourFullMet,
        @Min(1949) @Max(9999) Integer lastStaffingAdjustmentYear,
        Boolean quotaSplitByEligiblePupils) {

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
