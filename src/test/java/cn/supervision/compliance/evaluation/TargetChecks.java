package cn.supervision.compliance.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import jakarta.validation.Validation;

/** Runs the curriculum and district-target evaluators on the shipped rule sets, with requests read like the service reads them. */
final class TargetChecks {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final SubjectReader READER = new SubjectReader(MAPPER,
            Validation.buildDefaultValidatorFactory().getValidator());

    private TargetChecks() {
    }

    /** The subject of a shipped sample request, to be changed by a test. */
    static ObjectNode sampleSubject(String file) {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(Path.of("samples", file))).get("subject");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CheckResult> checks(EvaluationResult result, String code) {
        return result.checks().stream().filter(c -> c.code().equals(code)).toList();
    }

    /** The check of that code whose subject (grades, school type) or name is {@code key}, or else whose name contains it. */
    static CheckResult check(EvaluationResult result, String code, String key) {
        List<CheckResult> matching = checks(result, code).stream()
                .filter(c -> key == null || key.equals(c.subject()) || key.equals(c.name())).toList();
        if (matching.isEmpty()) {
            matching = checks(result, code).stream().filter(c -> c.name().contains(key)).toList();
        }
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " checks " + code + " " + key + " in " + result.checks());
        }
        return matching.get(0);
    }

    static Verdict verdict(EvaluationResult result, String code, String key) {
        return check(result, code, key).verdict();
    }

    /** The field of every problem of a rejected subject. */
    static List<String> rejectedFields(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (InvalidInput e) {
            return e.problems().stream().map(InputProblem::field).toList();
        }
        throw new AssertionError("the subject was accepted");
    }
}
