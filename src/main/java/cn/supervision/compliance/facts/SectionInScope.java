package cn.supervision.compliance.facts;

/** A compulsory section that the scope rules kept in the assessment. */
public record SectionInScope(int order, String schoolId, Stage stage, int students) {
}
