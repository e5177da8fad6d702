package cn.supervision.compliance.batch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import cn.supervision.compliance.facts.InputProblem;

/**
 * One county of a batch as it was done, in the order of the input ({@code position} from 0): evaluated into the
 * audit trail (its evaluation's id, county and verdicts, the indicators it failed with how many checks), or refused
 * with its problems. {@code source} is where it was in the input (a line, or a file of the zip).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({@JsonSubTypes.Type(value = BatchCounty.Evaluated.class, name = "evaluated"),
               @JsonSubTypes.Type(value = BatchCounty.Invalid.class, name = "invalid")})
public sealed interface BatchCounty {

    int position();

    String source();

    record Evaluated(int position, String source, String evaluationId, String countyCode, String countyName,
                     boolean passed, String decision, String grade, Map<String, Integer> failures)
            implements BatchCounty {
    }

    record Invalid(int position, String source, List<InputProblem> problems) implements BatchCounty {
    }

    /** One page of a batch's counties; {@code total} counts every county done so far. */
    record Page(List<BatchCounty> items, int page, int size, long total) {
    }
}
