package cn.supervision.compliance.facts;

/**
 * One node of the chain a subject is judged under: the requested jurisdiction at depth 0, its parent at 1, up to the
 * root. A rule row applies when the jurisdiction that sets it is a link; of two rows setting the same figure, the one
 * of the smaller depth (the more specific jurisdiction) wins.
 */
public record JurisdictionLink(String code, int depth) {
}
