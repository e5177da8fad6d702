package cn.supervision.compliance.evaluation.targets;

/** A jurisdiction a rule set knows (a row of its 管辖区域 table): the code requests use and its Chinese name. */
public record KnownJurisdiction(String code, String name, String rule) {

    public static Draft code(String code, String rule) {
        return new Draft(code.strip(), rule);
    }

    public record Draft(String code, String rule) {

        public KnownJurisdiction named(String name) {
            return new KnownJurisdiction(code, name.strip(), rule);
        }
    }
}
