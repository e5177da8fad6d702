package cn.supervision.compliance.evaluation;

/** A veto that applies to this county, from a raised flag or a failed indicator. */
public record Veto(String code, String name, String source, String rule) {

    /** A raised flag; it traces to the workbook row that defines the veto item. */
    public static Veto raised(VetoItem item) {
        return new Veto(item.code(), item.name(), item.source(), item.rule());
    }

    public static Draft byIndicator(IndicatorVerdict verdict, String rule) {
        return new Draft(verdict.code(), rule, null);
    }

    public record Draft(String code, String rule, String name) {

        public Draft named(String text) {
            return new Draft(code, rule, text.strip());
        }

        public Veto source(String text) {
            return new Veto(code, name, text.strip(), rule);
        }
    }
}
