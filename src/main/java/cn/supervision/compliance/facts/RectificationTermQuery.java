package cn.supervision.compliance.facts;

/**
 * A question put to a rule base outside any evaluation (the supervision cycle's rectification items): how many months
 * does a county have to rectify this indicator? The rows of the 整改期限 table answer with a {@link RectificationTerm}.
 */
public record RectificationTermQuery(String indicator) {
}
