package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import cn.supervision.compliance.facts.Stage;

/**
 * A remediation hint for one failed check: the shortfall, the measures (推进措施), the responsible departments
 * (责任部门) and office (责任股室) and the source clause, as written in the remediation row for its indicator.
 */
public record Remedy(String indicator, String subject, Stage stage, BigDecimal shortfall, String unit, String measures,
                     List<String> departments, String office, String source, String rule) {

    public static Draft draft(Check check, String rule) {
        return new Draft(check, rule, null, List.of(), null);
    }

    public record Draft(Check check, String rule, String measures, List<String> departments, String office) {

        public Draft measures(String text) {
            return new Draft(check, rule, text.strip(), departments, office);
        }

        /** Departments are listed in one cell, separated by 、 ， , ； ; or line breaks. */
        public Draft departments(String text) {
            List<String> names = Arrays.stream(text.split("[、，,；;\\n]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new Draft(check, rule, measures, names, office);
        }

        public Draft office(String text) {
            return new Draft(check, rule, measures, departments, text.strip());
        }

        public Remedy source(String text) {
            return new Remedy(check.indicator(), check.subject(), check.stage(), check.shortfall(), check.unit(),
                    measures, departments, office, text.strip(), rule);
        }
    }
}
