package cn.supervision.compliance.evaluation;

/** How a value is compared with its requirement, in the wording conventions of INDICATORS.md (以上 ≥, 不超过 ≤, 低于 <). */
public enum Comparator {
    GE("≥"), GT(">"), LE("≤"), LT("<"), EQ("=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(int comparison) {
        return switch (this) {
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case LT -> comparison < 0;
            case EQ -> comparison == 0;
        };
    }

    /** True when a larger value is better (the requirement is a floor). */
    public boolean floor() {
        return this == GE || this == GT;
    }
}
