package cn.supervision.compliance.cycle;

import org.springframework.security.core.Authentication;

/**
 * Which subjects an account reaches in the supervision cycle: every account has one node of the jurisdiction tree, and
 * a node contains the subjects whose code it covers (API.md, Governance). A reviewer approves, a clerk submits and
 * everyone reads only within their node. The one place the cycle asks ({@link AccountReviewScope}).
 */
public interface ReviewScope {

    /** The node the account is bound to. */
    String nodeOf(Authentication account);

    /** Whether the node contains the subject of that code (a county code, a school id…). */
    boolean contains(String node, String subjectCode);

    default boolean reaches(Authentication account, String subjectCode) {
        return contains(nodeOf(account), subjectCode);
    }
}
