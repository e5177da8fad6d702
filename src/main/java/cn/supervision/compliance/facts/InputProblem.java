package cn.supervision.compliance.facts;

/** One thing wrong with submitted facts, naming the field as a JSON path (for example {@code subject.schools[3].sections[0].students}). */
public record InputProblem(String field, String message) {
}
