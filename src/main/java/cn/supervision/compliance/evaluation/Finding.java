package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.statistics.Fractions;

/**
 * The check of one indicator value against one workbook row. Built by the row's action cells, left to right:
 * {@code Finding.draft($v, rule).named(…).inUnit(…).requiring(…)}.
 */
public record Finding(IndicatorValue source, String name, String unit, Requirement requirement, boolean met,
                      BigFraction attainment, BigDecimal shortfall, String rule) implements Check {

    public static Draft draft(IndicatorValue value, String rule) {
        return new Draft(value, rule, null, null);
    }

    public record Draft(IndicatorValue value, String rule, String name, String unit) {

        public Draft named(String text) {
            return new Draft(value, rule, text.strip(), unit);
        }

        public Draft inUnit(String text) {
            return new Draft(value, rule, name, text.strip());
        }

        public Finding requiring(String cell) {
            Requirement requirement = Requirement.parse(cell);
            BigFraction actual = value.value();
            boolean met = requirement.isMetBy(actual);
            return new Finding(value, name, unit, requirement, met, requirement.attainment(actual),
                    met ? null : shortfall(requirement), rule);
        }

        private BigDecimal shortfall(Requirement requirement) {
            if (!requirement.comparator().floor()) {
                return null;
            }
            BigFraction missing = value.rawNeededFor(requirement.thresholdFraction()).subtract(value.raw());
            return Fractions.roundedUp(missing, value.wholeUnits() ? 0 : 2);
        }
    }

    public String schoolId() {
        return source.schoolId();
    }

    @Override
    public Stage stage() {
        return source.stage();
    }

    @Override
    public String indicator() {
        return source.indicator();
    }

    @Override
    public String subject() {
        return source.schoolId();
    }

    @Override
    public boolean failed() {
        return !met;
    }
}
