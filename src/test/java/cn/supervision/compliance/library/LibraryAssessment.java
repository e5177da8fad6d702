package cn.supervision.compliance.library;

import java.util.List;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.checkrows.CheckRowEvaluator;
import cn.supervision.compliance.checkrows.CheckSubject;
import cn.supervision.compliance.checkrows.Reach;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.SubjectReader;
import cn.supervision.compliance.facts.Observation;

/**
 * Evaluates a school under the {@code library} rule set: books and new books per student against the rows of
 * 检查项 (L01, L02). A rule set's module is this class and its subject record; in the application it would be a
 * {@code @Component}; the test registers it with {@code @Import} so that no other test's context sees it.
 */
public class LibraryAssessment extends CheckRowEvaluator {

    private static final String RULE_SET = "library";
    /** The level the rows name in their 评估对象 column. */
    private static final String LEVEL = "school";

    private final SubjectReader reader;

    public LibraryAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return RULE_SET;
    }

    @Override
    public CheckSubject validate(JsonNode subject) {
        LibrarySubject school = reader.read(subject, LibrarySubject.class);
        BigFraction students = new BigFraction(school.students());
        List<Observation> observations = List.of(
                Observation.of("booksPerStudent", new BigFraction(school.books()).divide(students), "subject.books"),
                Observation.of("newBooksPerStudent", new BigFraction(school.newBooks()).divide(students),
                        "subject.newBooks"));
        return new CheckSubject(LEVEL, school.year(), new Reach(Set.of(), null), observations,
                EvaluationResult.Subject.school(school.schoolId(), school.schoolName(), school.year()));
    }
}
