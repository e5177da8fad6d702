package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Reads and validates the subject, reporting every problem at once (issue 21): a value Jackson cannot read is
     * reported and left out, and the subject is read again without it, up to {@link #MOST_UNREADABLE} values; then
     * every constraint of what could be read, except on a field already reported.
     */
    public <T> T read(JsonNode subject, Class<T> type) {
        JsonNode remaining = subject.deepCopy();
        List<InputProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        T value = null;
        while (value == null) {
            try {
                value = mapper.treeToValue(remaining, type);
            } catch (JsonMappingException e) {
                String field = "subject" + JsonPaths.of(e.getPath());
                problems.add(JsonPaths.problem(field, e));
                reported.add(field);
                if (problems.size() >= MOST_UNREADABLE || !leaveOut(remaining, e.getPath())) {
                    throw new InvalidInput(problems);
                }
            } catch (JsonProcessingException e) {
                throw InvalidInput.of("subject", "input.json.not-readable");
            }
        }
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = "subject." + violation.getPropertyPath();
            if (!withinReported(field, reported)) {
                problems.add(InputProblem.violation(field, violation));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InputProblem::field));
            throw new InvalidInput(problems);
        }
        return value;
    }

    /**
     * Whether a constraint's field is one already reported as unreadable, or inside it: an unreadable list element is
     * left out as null, and its element constraint ({@code stages[0].<list element>}) is the same problem again.
     */
    private static boolean withinReported(String field, Set<String> reported) {
        return reported.stream().anyMatch(r -> field.equals(r) || field.startsWith(r + ".") || field.startsWith(r + "["));
    }

    /** How many unreadable values one answer reports before it stops reading. */
    static final int MOST_UNREADABLE = 100;

    /** Removes the value at {@code path} (a field, or an element as null); false when there is nothing to remove. */
    private static boolean leaveOut(JsonNode root, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = root;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getIndex() >= 0 ? parent.path(step.getIndex()) : parent.path(step.getFieldName());
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
