package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The seven resource-allocation indicators (INDICATORS.md §1.1, seed 004 items 1–7): which raw figure each reads and
 * how it becomes a per-student value. Thresholds, names and units are not here: they are rows of the workbook.
 */
public enum ResourceIndicator {
    R1("qualifiedTeachers", 100, true, s -> decimal(s.qualifiedTeachers()), null),
    R2("backboneTeachers", 100, true, s -> decimal(s.backboneTeachers()), null),
    R3("peArtTeachers", 100, true, s -> decimal(s.peArtTeachers()), null),
    R4("teachingAreaM2", 1, false, SectionInput::teachingAreaM2, SchoolInput::teachingAreaM2),
    R5("sportsAreaM2", 1, false, SectionInput::sportsAreaM2, SchoolInput::sportsAreaM2),
    R6("equipmentValueYuan", 1, false, SectionInput::equipmentValueYuan, SchoolInput::equipmentValueYuan),
    R7("multimediaRooms", 100, true, s -> decimal(s.multimediaRooms()), null);

    private final String field;
    private final int perStudents;
    private final boolean wholeUnits;
    private final Function<SectionInput, BigDecimal> sectionFigure;
    private final Function<SchoolInput, BigDecimal> schoolTotal;

    ResourceIndicator(String field, int perStudents, boolean wholeUnits,
                      Function<SectionInput, BigDecimal> sectionFigure, Function<SchoolInput, BigDecimal> schoolTotal) {
        this.field = field;
        this.perStudents = perStudents;
        this.wholeUnits = wholeUnits;
        this.sectionFigure = sectionFigure;
        this.schoolTotal = schoolTotal;
    }

    /** The request field the raw figure comes from. */
    public String field() {
        return field;
    }

    /** 100 for "per hundred students" indicators, 1 for "per student" ones. */
    public int perStudents() {
        return perStudents;
    }

    /** Teachers and rooms are counted in whole units, so their shortfall is rounded up to a whole number. */
    public boolean wholeUnits() {
        return wholeUnits;
    }

    public BigDecimal sectionFigure(SectionInput section) {
        return sectionFigure.apply(section);
    }

    /** Whether the figure may be given once for the whole school and split over its sections. */
    public boolean splittable() {
        return schoolTotal != null;
    }

    public BigDecimal schoolTotal(SchoolInput school) {
        return schoolTotal == null ? null : schoolTotal.apply(school);
    }

    private static BigDecimal decimal(Integer count) {
        return count == null ? null : BigDecimal.valueOf(count);
    }
}
