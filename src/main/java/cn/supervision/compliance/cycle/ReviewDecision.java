package cn.supervision.compliance.cycle;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A reviewer's return or approval: an overall comment and, for a return, remarks by field or cell. */
public record ReviewDecision(@Size(max = 2000) String comment, @Valid @Size(max = 200) List<ReviewComment> comments) {

    public ReviewDecision {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }
}
