package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stored version of a rule set: its sequence number and hash, who uploaded it when and why, the rows and cells it
 * changed against the version active when it arrived ({@link Change}), and the results of the workbooks' test cases.
 * Governance (issue 22): every activation with who, when and why ({@code activations}, oldest first), the newest one's
 * {@code activatedBy}, and the approval (the first activation by another editor than the uploader). {@code base}: the
 * version its workbooks were edited from (the active one when it was stored; null for versions stored before);
 * {@code analysis}: what its tables and test cases showed at upload ({@link VersionAnalysis}; null before).
 */
public record RuleSetVersion(String ruleSet, int sequence, String hash, Instant createdAt, String uploader,
                             String comment, boolean active, Instant activatedAt, List<String> files,
                             List<Change> changes, List<TestCaseResult> testResults, List<Activation> activations,
                             Integer base, VersionAnalysis analysis) {

    /** Who made it active last; null when it never was. */
    @JsonProperty
    public String activatedBy() {
        return activations.isEmpty() ? null : activations.get(activations.size() - 1).by();
    }

    /** Its approval, when another editor than its uploader activated it. */
    @JsonIgnore
    public Optional<Activation> approval() {
        return activations.stream().filter(a -> Activation.APPROVAL.equals(a.kind())).findFirst();
    }

    @JsonProperty
    public String approvedBy() {
        return approval().map(Activation::by).orElse(null);
    }

    @JsonProperty
    public Instant approvedAt() {
        return approval().map(Activation::at).orElse(null);
    }

    @JsonProperty
    public String approvalComment() {
        return approval().map(Activation::comment).orElse(null);
    }
}
