package cn.supervision.compliance.evaluation;

/** A veto item (一票否决) that the request can raise by its code: {@code VetoItem.code(…).named(…).source(…)}. */
public record VetoItem(String code, String name, String source, String rule) {

    public static Draft code(String code, String rule) {
        return new Draft(code.strip(), rule, null);
    }

    public record Draft(String code, String rule, String name) {

        public Draft named(String text) {
            return new Draft(code, rule, text.strip());
        }

        public VetoItem source(String text) {
            return new VetoItem(code, name, text.strip(), rule);
        }
    }
}
