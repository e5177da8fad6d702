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
        return observations;
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
