package cn.supervision.compliance.facts;

/**
 * A node of the jurisdiction tree (a row of the 管辖区域 sheet every rule set carries): the code requests use, the
 * node above it ({@code null} for the root), its Chinese name and its level (national, province, city, district).
 */
public record KnownJurisdiction(String code, String parent, String name, String level, String rule) {

    public static Draft code(String code, String rule) {
        return new Draft(code.strip(), null, null, rule);
    }

    public record Draft(String code, String parent, String name, String rule) {

        public Draft under(String parentCode) {
            return new Draft(code, parentCode.strip(), name, rule);
        }

        public Draft named(String text) {
            return new Draft(code, parent, text.strip(), rule);
        }

        public KnownJurisdiction level(String levelCode) {
            return new KnownJurisdiction(code, parent, name, levelCode.strip(), rule);
        }
    }
}
