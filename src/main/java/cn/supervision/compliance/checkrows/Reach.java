package cn.supervision.compliance.checkrows;

import java.util.Set;

/** The grades a school teaches and its type label, which rows restricted to grades or school types look at. */
public record Reach(Set<Integer> grades, String schoolType) {

    /** A subject that is not a school: only rows without grades or school types reach it. */
    public static Reach notASchool() {
        return new Reach(Set.of(), null);
    }

    public boolean reaches(Standard standard) {
        boolean gradesReached = standard.grades() == null || standard.grades().overlaps(grades);
        boolean typeReached = standard.schoolTypes().isEmpty() || standard.schoolTypes().contains(schoolType);
        return gradesReached && typeReached;
    }
}
