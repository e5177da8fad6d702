package cn.supervision.compliance.facts;

/** What the scope rules see of a school: its type (Chinese label, as written in the workbook) and its students. */
public record SchoolProfile(String schoolId, SchoolType type, int students) {

    public String typeName() {
        return type.label();
    }
}
