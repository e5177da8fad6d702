package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.JsonPaths;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Reads a rule set's subject from the request JSON and validates it; every problem names its field under {@code subject}. */
@Component
public class SubjectReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    public SubjectReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Reads and validates the subject, then applies the rule set's consistency checks (which see the whole subject and
     * name fields under {@code subject.}); any problem is an {@link InvalidInput}.
     */
    public <T> T read(JsonNode subject, Class<T> type, BiFunction<T, String, List<InputProblem>> consistency) {
        T value = read(subject, type);
        List<InputProblem> problems = consistency.apply(value, "subject.");
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return value;
    }

    public <T> T read(JsonNode subject, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(subject, type);
        } catch (JsonMappingException e) {
            throw new InvalidInput(List.of(JsonPaths.problem("subject" + JsonPaths.of(e.getPath()), e)));
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("subject", "input.json.not-readable");
        }
        List<InputProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            problems.add(InputProblem.violation("subject." + violation.getPropertyPath(), violation));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InputProblem::field));
            throw new InvalidInput(problems);
        }
        return value;
    }
}
