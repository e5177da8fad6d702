package cn.supervision.compliance.checkrows;

import java.util.Arrays;
import java.util.List;

/**
 * What to do about a failed check and who does it: the measures, the lead unit (主责单位) and the supporting units
 * (协助单位) of the guidance row for its indicator, and the source clause (seed 000's annex for Daxing's own tasks).
 */
public record Guidance(Outcome outcome, String measures, String leadUnit, List<String> supportingUnits, String source,
                       String rule) {

    public static Draft draft(Outcome outcome, String rule) {
        return new Draft(outcome, rule, null, null, List.of());
    }

    public record Draft(Outcome outcome, String rule, String measures, String leadUnit, List<String> supportingUnits) {

        public Draft measures(String text) {
            return new Draft(outcome, rule, text.strip(), leadUnit, supportingUnits);
        }

        public Draft lead(String text) {
            return new Draft(outcome, rule, measures, text.strip(), supportingUnits);
        }

        /** Units listed in one cell, separated by 、 ， , ； ; or line breaks. */
        public Draft supporting(String text) {
            List<String> units = Arrays.stream(text.split("[、，,；;\\n]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new Draft(outcome, rule, measures, leadUnit, units);
        }

        public Guidance source(String text) {
            return new Guidance(outcome, measures, leadUnit, supportingUnits, text.strip(), rule);
        }
    }
}
