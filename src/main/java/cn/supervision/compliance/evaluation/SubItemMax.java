package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

/** The maximum score of one sub-item of a class-B indicator: {@code SubItemMax.of(code, rule).item(n).text(…).max(…)}. */
public record SubItemMax(String indicator, int item, String text, BigDecimal max, String rule) {

    public static Draft of(String indicator, String rule) {
        return new Draft(indicator.strip(), rule, 0, null);
    }

    public record Draft(String indicator, String rule, int item, String text) {

        public Draft item(String cell) {
            return new Draft(indicator, rule, Quantities.parseWhole(cell, cell), text);
        }

        public Draft text(String cell) {
            return new Draft(indicator, rule, item, cell.strip());
        }

        public SubItemMax max(String cell) {
            return new SubItemMax(indicator, item, text, Quantities.parse(cell, cell), rule);
        }
    }
}
