package cn.supervision.compliance.curriculum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.math3.fraction.BigFraction;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.Observation;
import cn.supervision.compliance.facts.Rates;

/** A school's figures as the {@code curriculum} check rows read them, after the checks no annotation can express. */
public final class CurriculumObservations {

    private CurriculumObservations() {
    }

    public static List<InputProblem> problems(CurriculumSubject school, String prefix) {
        List<InputProblem> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < school.grades().size(); i++) {
            if (!seen.add(school.grades().get(i).grade())) {
                problems.add(InputProblem.of(prefix + "grades[" + i + "].grade", "input.curriculum.grade-twice",
                        school.grades().get(i).grade()));
            }
        }
        if (school.aestheticClassHours() != null) {
            if (school.totalClassHours() == null || school.totalClassHours().signum() == 0) {
                problems.add(InputProblem.of(prefix + "totalClassHours", "input.curriculum.total-hours-required"));
            } else if (school.aestheticClassHours().compareTo(school.totalClassHours()) > 0) {
                problems.add(InputProblem.of(prefix + "aestheticClassHours", "input.curriculum.aesthetic-exceeds-total"));
            }
        }
        return problems;
    }

    public static List<Observation> of(CurriculumSubject school, String prefix) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < school.grades().size(); i++) {
            CurriculumSubject.Grade grade = school.grades().get(i);
            String path = prefix + "grades[" + i + "].";
            observations.add(perGrade(grade, "aestheticPeriods", CurriculumSubject.Grade::aestheticPeriods, path));
            observations.add(perGrade(grade, "pePeriods", CurriculumSubject.Grade::pePeriods, path));
            observations.add(perGrade(grade, "labourPeriods", CurriculumSubject.Grade::labourPeriods, path));
            observations.add(perGrade(grade, "practicePeriods", CurriculumSubject.Grade::practicePeriods, path));
            observations.add(perGrade(grade, "homeworkMinutes", CurriculumSubject.Grade::homeworkMinutes, path));
            observations.add(perGrade(grade, "examsPerTerm", CurriculumSubject.Grade::examsPerTerm, path));
        }
        BigFraction aestheticShare = school.aestheticClassHours() == null ? null
                : Rates.exact(school.aestheticClassHours()).divide(Rates.exact(school.totalClassHours()));
        observations.add(Observation.of("aestheticShare", aestheticShare, prefix + "aestheticClassHours"));
        observations.add(Observation.of("seniorAestheticClassHours", Rates.exact(school.seniorAestheticClassHours()),
                prefix + "seniorAestheticClassHours"));
        observations.add(Observation.of("vocationalLabourClassHours", Rates.exact(school.vocationalLabourClassHours()),
                prefix + "vocationalLabourClassHours"));
        observations.add(Observation.of("dailyActivityMinutes", Rates.exact(school.dailyActivityMinutes()),
                prefix + "dailyActivityMinutes"));
        observations.add(Observation.of("outsideActivityMinutes", Rates.exact(school.outsideActivityMinutes()),
                prefix + "outsideActivityMinutes"));
        observations.add(Observation.of("labourWeeksPerYear", Rates.exact(school.labourWeeksPerYear()),
                prefix + "labourWeeksPerYear"));
        observations.add(rate("subjectPracticeShare", school.subjectPracticeShare(), prefix));
        observations.add(rate("homeVisitCoverage", school.homeVisitCoverage(), prefix));
        observations.add(rate("sportsSkillShare", school.sportsSkillShare(), prefix));
        observations.add(rate("artSkillShare", school.artSkillShare(), prefix));
        observations.add(rate("operaWatchedShare", school.operaWatchedShare(), prefix));
        observations.add(rate("dramaWatchedShare", school.dramaWatchedShare(), prefix));
        observations.add(health("fitnessGoodRate", CurriculumSubject.Health::fitnessGoodRate, school, prefix));
        observations.add(health("obesityRate", CurriculumSubject.Health::obesityRate, school, prefix));
        observations.add(health("myopiaRate", CurriculumSubject.Health::myopiaRate, school, prefix));
        observations.add(Observation.of("aestheticTeachersStaffed", yes(school.aestheticTeachersStaffed()), prefix + "aestheticTeachersStaffed"));
        observations.add(Observation.of("pePeriodEveryDay", yes(school.pePeriodEveryDay()), prefix + "pePeriodEveryDay"));
        observations.add(Observation.of("keyProgrammeGroups", Rates.exact(school.keyProgrammeGroups()), prefix + "keyProgrammeGroups"));
        observations.add(Observation.of("strongProgrammes", Rates.exact(school.strongProgrammes()), prefix + "strongProgrammes"));
        observations.add(rate("requiredExperimentsShare", school.requiredExperimentsShare(), prefix));
        observations.add(Observation.of("labourListMade", yes(school.labourListMade()), prefix + "labourListMade"));
        return observations;
    }

    /** A yes/no figure as the rows compare it (是 = 1, 否 = 0); null when not reported. */
    private static BigFraction yes(Boolean answer) {
        return answer == null ? null : answer ? BigFraction.ONE : BigFraction.ZERO;
    }

    private static Observation perGrade(CurriculumSubject.Grade grade, String field,
                                        Function<CurriculumSubject.Grade, Integer> figure, String path) {
        return Observation.of(field, Rates.exact(figure.apply(grade)), path + field).forGrade(grade.grade());
    }

    private static Observation rate(String field, BigDecimal percent, String prefix) {
        return Observation.of(field, Rates.percent(percent), prefix + field);
    }

    /** This year's rate, with last year's as its prior where the school supplied it (C13). */
    private static Observation health(String field, Function<CurriculumSubject.Health, BigDecimal> rate,
                                      CurriculumSubject school, String prefix) {
        BigDecimal now = school.health() == null ? null : rate.apply(school.health());
        BigDecimal before = school.healthLastYear() == null ? null : rate.apply(school.healthLastYear());
        return Observation.of(field, Rates.percent(now), prefix + "health." + field).withPrior(Rates.percent(before));
    }
}
