package cn.supervision.compliance.targets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.Observation;
import cn.supervision.compliance.facts.Rates;
import cn.supervision.compliance.facts.SpendingYear;

/** A district's or a province's figures as the {@code district-targets} check rows read them. */
public final class TargetObservations {

    private TargetObservations() {
    }

    /** The spending series must run over consecutive years, oldest first, ending no later than the evaluation year. */
    public static List<InputProblem> problems(DistrictSubject district, String prefix) {
        List<InputProblem> problems = new ArrayList<>();
        List<DistrictSubject.SpendingYear> spending = district.spending() == null ? List.of() : district.spending();
        for (int i = 1; i < spending.size(); i++) {
            int expected = spending.get(i - 1).year() + 1;
            if (spending.get(i).year() != expected) {
                problems.add(InputProblem.of(prefix + "spending[" + i + "].year", "input.targets.spending-consecutive",
                        expected));
            }
        }
        if (!spending.isEmpty() && spending.get(spending.size() - 1).year() > district.year()) {
            problems.add(InputProblem.of(prefix + "spending[" + (spending.size() - 1) + "].year",
                    "input.targets.spending-after-year", district.year()));
        }
        if (district.lastStaffingAdjustmentYear() != null && district.lastStaffingAdjustmentYear() > district.year()) {
            problems.add(InputProblem.of(prefix + "lastStaffingAdjustmentYear", "input.targets.year-after-evaluation",
                    district.year()));
        }
        return problems;
    }

    public static List<InputProblem> problems(ProvinceSubject province, String prefix) {
        List<InputProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < province.counties().size(); i++) {
            if (!seen.add(province.counties().get(i).countyCode())) {
                problems.add(InputProblem.of(prefix + "counties[" + i + "].countyCode", "input.targets.county-twice",
                        province.counties().get(i).countyCode()));
            }
        }
        return problems;
    }

    public static List<Observation> of(DistrictSubject district, String prefix) {
        List<Observation> observations = new ArrayList<>();
        observations.add(Observation.of("inclusiveKindergartenCoverage",
                Rates.percent(district.inclusiveKindergartenCoverage()), prefix + "inclusiveKindergartenCoverage"));
        observations.add(Observation.of("publicKindergartenShare", Rates.percent(district.publicKindergartenShare()),
                prefix + "publicKindergartenShare"));
        observations.add(Observation.of("fifteenYearSpecialEducationSchools", fifteenYearSchools(district),
                prefix + "specialEducationSchools"));
        observations.add(Observation.of("smartCampusRate", Rates.percent(district.smartCampusRate()),
                prefix + "smartCampusRate"));
        observations.add(Observation.of("kindergartenFundingPerChild",
                        Rates.exact(district.kindergartenFundingPerChild()), prefix + "kindergartenFundingPerChild")
                .withPrior(Rates.exact(district.kindergartenFundingPerChildLastYear()))
                .against(Rates.exact(district.cityKindergartenFundingBaseline())));
        if (district.spending() == null) {
            observations.add(Observation.of("generalBudget", null, prefix + "spending"));
            observations.add(Observation.of("perStudent", null, prefix + "spending"));
        } else {
            for (int i = 0; i < district.spending().size(); i++) {
                DistrictSubject.SpendingYear year = district.spending().get(i);
                String path = prefix + "spending[" + i + "].";
                observations.add(Observation.of("generalBudget", Rates.exact(year.generalBudget()),
                        path + "generalBudget").inYear(year.year()));
                observations.add(Observation.of("perStudent", Rates.exact(year.perStudent()), path + "perStudent")
                        .inYear(year.year()));
            }
        }
        observations.add(Observation.of("teacherAveragePay", Rates.exact(district.teacherAveragePay()),
                prefix + "teacherAveragePay").against(Rates.exact(district.civilServantAveragePay())));
        if (district.associationActivities() == null) {
            observations.add(Observation.of("associationActivities", null, prefix + "associationActivities"));
        } else {
            for (int i = 0; i < district.associationActivities().size(); i++) {
                DistrictSubject.AssociationActivities association = district.associationActivities().get(i);
                observations.add(Observation.of("associationActivities", Rates.exact(association.activities()),
                        prefix + "associationActivities[" + i + "].activities").labelled(association.association()));
            }
        }
        observations.add(Observation.of("troupeSchoolPerformances", Rates.exact(district.troupeSchoolPerformances()),
                prefix + "troupeSchoolPerformances"));
        observations.add(Observation.of("bonusParity", yes(district.bonusParity()), prefix + "bonusParity"));
        observations.add(Observation.of("privateSchoolsEnrolWithPublic", yes(district.privateSchoolsEnrolWithPublic()),
                prefix + "privateSchoolsEnrolWithPublic"));
        observations.add(figure("aestheticJointConference", yes(district.aestheticJointConference()), prefix));
        observations.add(figure("aestheticLeadingGroupShare", Rates.percent(district.aestheticLeadingGroupShare()), prefix));
        observations.add(figure("aestheticLeaderTrainingShare", Rates.percent(district.aestheticLeaderTrainingShare()), prefix));
        observations.add(figure("artFestivalsHeld", yes(district.artFestivalsHeld()), prefix));
        observations.add(figure("schoolAestheticSummaryShare", Rates.percent(district.schoolAestheticSummaryShare()), prefix));
        observations.add(figure("aestheticAnnualReport", yes(district.aestheticAnnualReport()), prefix));
        observations.add(figure("artAssessmentApplied", yes(district.artAssessmentApplied()), prefix));
        observations.add(figure("artAssessmentInProfiles", yes(district.artAssessmentInProfiles()), prefix));
        observations.add(Observation.of("artAssessmentPassRate", Rates.percent(district.artAssessmentPassRate()), prefix + "artAssessmentPassRate")
                .withPrior(Rates.percent(district.artAssessmentPassRateLastYear())));
        observations.add(figure("pupilsInGradingOrCommercialActivities", yes(district.pupilsInGradingOrCommercialActivities()), prefix));
        observations.add(figure("aestheticActivitiesApproved", yes(district.aestheticActivitiesApproved()), prefix));
        observations.add(figure("unapprovedTextbooksUsed", yes(district.unapprovedTextbooksUsed()), prefix));
        observations.add(figure("famousPrincipals", Rates.exact(district.famousPrincipals()), prefix));
        observations.add(figure("famousTeachers", Rates.exact(district.famousTeachers()), prefix));
        observations.add(figure("qualitySchoolsIntroduced", Rates.exact(district.qualitySchoolsIntroduced()), prefix));
        observations.add(figure("dailyLabourTimeSet", yes(district.dailyLabourTimeSet()), prefix));
        observations.add(figure("enrolmentTargetsHandedDown", yes(district.enrolmentTargetsHandedDown()), prefix));
        observations.add(figure("schoolsJudgedByEnrolmentRate", yes(district.schoolsJudgedByEnrolmentRate()), prefix));
        observations.add(figure("ruralSchoolsInCommunitiesShare", Rates.percent(district.ruralSchoolsInCommunitiesShare()), prefix));
        observations.add(figure("countyManagedTeacherHiring", yes(district.countyManagedTeacherHiring()), prefix));
        observations.add(figure("publicTeachersInPrivateSchools", Rates.exact(district.publicTeachersInPrivateSchools()), prefix));
        observations.add(figure("oversubscribedAdmissionsByLottery", yes(district.oversubscribedAdmissionsByLottery()), prefix));
        observations.add(figure("oversizedKindergartenClasses", Rates.exact(district.oversizedKindergartenClasses()), prefix));
        observations.add(figure("newEstateKindergartensPublicShare", Rates.percent(district.newEstateKindergartensPublicShare()), prefix));
        observations.add(figure("poorChildrenFeeReliefShare", Rates.percent(district.poorChildrenFeeReliefShare()), prefix));
        observations.add(figure("kindergartensTeachingPrimaryCurriculum", Rates.exact(district.kindergartensTeachingPrimaryCurriculum()), prefix));
        observations.add(figure("specialEducationTeachersStaffed", yes(district.specialEducationTeachersStaffed()), prefix));
        observations.add(figure("implementationPlanFiled", yes(district.implementationPlanFiled()), prefix));
        observations.add(figure("inclusiveEducationFundingPerPupil", Rates.exact(district.inclusiveEducationFundingPerPupil()), prefix));
        observations.add(figure("homeTeachingFundingPerPupil", Rates.exact(district.homeTeachingFundingPerPupil()), prefix));
        observations.add(figure("disabledChildrenAidedShare", Rates.percent(district.disabledChildrenAidedShare()), prefix));
        observations.add(figure("admissionSelectionExamsHeld", yes(district.admissionSelectionExamsHeld()), prefix));
        observations.add(figure("peArtTeacherPlanAdopted", yes(district.peArtTeacherPlanAdopted()), prefix));
        observations.add(figure("schoolSafetyFourFullMet", yes(district.schoolSafetyFourFullMet()), prefix));
        observations.add(Observation.of("yearsSinceStaffingAdjustment", yearsSince(district.lastStaffingAdjustmentYear(), district.year()), prefix + "lastStaffingAdjustmentYear"));
        observations.add(figure("quotaSplitByEligiblePupils", yes(district.quotaSplitByEligiblePupils()), prefix));
        return observations;
    }

    /** One observation per county: 1 when recognised, 0 when not; the D08 row takes the share of recognised ones. */
    public static List<Observation> of(ProvinceSubject province, String prefix) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < province.counties().size(); i++) {
            ProvinceSubject.County county = province.counties().get(i);
            observations.add(Observation.of("countyRecognised",
                    yes(county.recognised()),
                    prefix + "counties[" + i + "].recognised").labelled(county.countyCode()));
        }
        observations.add(figure("enrolmentTargetsHandedDown", yes(province.enrolmentTargetsHandedDown()), prefix));
        observations.add(figure("smartCampusModelSchools", Rates.exact(province.smartCampusModelSchools()), prefix));
        return observations;
    }

    /** A figure whose data item is named as its request field. */
    private static Observation figure(String field, BigFraction value, String prefix) {
        return Observation.of(field, value, prefix + field);
    }

    /** Whole years from {@code since} to the evaluation year (D30); null when not reported. */
    private static BigFraction yearsSince(Integer since, int year) {
        return since == null ? null : Fractions.of(year - since);
    }

    /** A yes/no figure as the rows compare it (是 = 1, 否 = 0); null when not reported. */
    private static BigFraction yes(Boolean answer) {
        return answer == null ? null : answer ? BigFraction.ONE : BigFraction.ZERO;
    }

    private static BigFraction fifteenYearSchools(DistrictSubject district) {
        if (district.specialEducationSchools() == null) {
            return null;
        }
        long complete = district.specialEducationSchools().stream()
                .filter(s -> s.stages().containsAll(List.of(SpecialEducationStage.values())))
                .count();
        return Fractions.of(complete);
    }
}
