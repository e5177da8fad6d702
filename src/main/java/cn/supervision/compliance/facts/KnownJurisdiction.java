package cn.supervision.compliance.facts;

/**
 * A node of the jurisdiction tree (a row of the 管辖区域 sheet every rule set carries): the code requests use, the
 * node above it ({@code null} for the root), its Chinese name, its level (national, province, city, district) and the
 * 行政区划代码 prefix (GB/T 2260) of the subjects it holds ({@code null} for national: it holds whatever no other
 * node does).
 */
public record KnownJurisdiction(String code, String parent, String name, String level, String rule,
                                String divisionPrefix) {

    public KnownJurisdiction(String code, String parent, String name, String level, String rule) {
        this(code, parent, name, level, rule, null);
    }

    public static Draft code(String code, String rule) {
        return new Draft(code.strip(), null, null, null, rule);
    }

    public record Draft(String code, String parent, String name, String divisionPrefix, String rule) {

        public Draft under(String parentCode) {
            return new Draft(code, parentCode.strip(), name, divisionPrefix, rule);
        }

        public Draft named(String text) {
            return new Draft(code, parent, text.strip(), divisionPrefix, rule);
        }

        /** The 行政区划代码 column: the code prefix of every county, district and school under this node. */
        public Draft dividedBy(String prefix) {
            return new Draft(code, parent, name, prefix.strip(), rule);
        }

        public KnownJurisdiction level(String levelCode) {
            return new KnownJurisdiction(code, parent, name, levelCode.strip(), rule, divisionPrefix);
        }
    }
}
