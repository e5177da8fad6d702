package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.facts.IndicatorGroup;
import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.SectionInScope;
import cn.supervision.compliance.facts.Stage;

/**
 * Raw figures → indicator values for every compulsory section of the schools in scope. A whole-school area or money
 * figure is split over the school's sections (senior included) in proportion to wₛ·Pₛ, with the weights of the rule
 * set (INDICATORS.md §1.1); teacher and room counts are per section and never split.
 */
public final class SectionDerivation {

    public record Result(List<SectionInScope> sections, List<IndicatorValue> values) {

        /** Each stage and indicator that has values, in the order of their first value. */
        public List<IndicatorGroup> groups() {
            Set<IndicatorGroup> groups = new LinkedHashSet<>();
            values.forEach(v -> groups.add(new IndicatorGroup(v.stage(), v.indicator())));
            return List.copyOf(groups);
        }
    }

    private SectionDerivation() {
    }

    public static Result derive(CountySubject county, Set<String> excludedSchools, Map<Stage, BigDecimal> weights,
                                String prefix) {
        List<SectionInScope> sections = new ArrayList<>();
        List<IndicatorValue> values = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < county.schools().size(); i++) {
            SchoolInput school = county.schools().get(i);
            if (excludedSchools.contains(school.id())) {
                continue;
            }
            for (int j = 0; j < school.sections().size(); j++) {
                SectionInput section = school.sections().get(j);
                if (!section.stage().compulsory()) {
                    continue;
                }
                String path = prefix + "schools[" + i + "].sections[" + j + "]";
                sections.add(new SectionInScope(sections.size(), school.id(), section.stage(), section.students()));
                for (ResourceIndicator indicator : ResourceIndicator.values()) {
                    boolean split = indicator.sectionFigure(section) == null;
                    BigFraction raw = split ? share(school, section, indicator, weights)
                            : Fractions.of(indicator.sectionFigure(section));
                    if (raw == null) {
                        problems.add(InputProblem.of(path + "." + indicator.field(), missing(indicator)));
                        continue;
                    }
                    values.add(new IndicatorValue(values.size(), school.id(), section.stage(), indicator.name(),
                            section.students(), indicator.field(), raw, split, indicator.perStudents(),
                            indicator.wholeUnits()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Result(sections, values);
    }

    /** The section's weighted share wₛ·Pₛ / Σ wₖ·Pₖ of the whole-school figure; null when there is none. */
    private static BigFraction share(SchoolInput school, SectionInput section, ResourceIndicator indicator,
                                     Map<Stage, BigDecimal> weights) {
        BigDecimal total = indicator.schoolTotal(school);
        if (total == null) {
            return null;
        }
        BigFraction weighted = BigFraction.ZERO;
        for (SectionInput s : school.sections()) {
            weighted = weighted.add(weight(weights, s.stage()).multiply(s.students()));
        }
        BigFraction share = weight(weights, section.stage()).multiply(section.students()).divide(weighted);
        return Fractions.of(total).multiply(share);
    }

    private static BigFraction weight(Map<Stage, BigDecimal> weights, Stage stage) {
        BigDecimal weight = weights.get(stage);
        if (weight == null || weight.signum() <= 0) {
            throw new IllegalStateException("the rule set gives no positive split weight for stage " + stage);
        }
        return Fractions.of(weight);
    }

    private static String missing(ResourceIndicator indicator) {
        return indicator.splittable() ? "input.county.section-figure-required"
                : "input.county.section-figure-required-here";
    }
}
