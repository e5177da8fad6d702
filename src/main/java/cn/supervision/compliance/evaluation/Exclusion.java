package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.facts.SchoolProfile;

/** A school left out of the assessment by a scope row, with the reason code written in that row. */
public record Exclusion(String schoolId, String reason, String rule) {

    public static Exclusion of(SchoolProfile school, String reason, String rule) {
        return new Exclusion(school.schoolId(), reason.strip(), rule);
    }
}
