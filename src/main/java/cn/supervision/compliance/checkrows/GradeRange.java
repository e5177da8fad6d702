package cn.supervision.compliance.checkrows;

import java.text.Normalizer;
import java.util.Set;

import cn.supervision.compliance.evaluation.Quantities;

/** The grades a check row covers, written as {@code 1-5} (also 1–5, 1~5) or a single grade. */
public record GradeRange(int from, int to) {

    public static GradeRange parse(String cell) {
        String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).replace(" ", "").strip();
        String[] bounds = text.split("[-–—~至]");
        if (bounds.length == 1) {
            int grade = Quantities.parseWhole(bounds[0], cell);
            return new GradeRange(grade, grade);
        }
        if (bounds.length != 2) {
            throw new IllegalArgumentException("'" + cell + "' is not a grade range such as 1-5");
        }
        return new GradeRange(Quantities.parseWhole(bounds[0], cell), Quantities.parseWhole(bounds[1], cell));
    }

    public boolean contains(int grade) {
        return grade >= from && grade <= to;
    }

    public boolean overlaps(Set<Integer> grades) {
        return grades.stream().anyMatch(this::contains);
    }

    @Override
    public String toString() {
        return from == to ? from + "年级" : from + "-" + to + "年级";
    }
}
