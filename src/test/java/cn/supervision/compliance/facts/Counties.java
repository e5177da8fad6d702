package cn.supervision.compliance.facts;

import java.math.BigDecimal;
import java.util.List;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.balanced.SectionInput;

/** Test data: counties built in code, with sections whose figures sit exactly at the national thresholds. */
public final class Counties {

    private Counties() {
    }

    public static CountySubject county(SchoolInput... schools) {
        return new CountySubject("430503", "测试区", 2026, List.of(schools));
    }

    public static SchoolInput school(String id, SchoolType type, SectionInput... sections) {
        return new SchoolInput(id, "学校" + id, type, List.of(sections), null, null, null);
    }

    /** A primary section of 1000 students meeting every threshold exactly (4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3). */
    public static SectionInput primaryAtThresholds(int students) {
        return section(Stage.PRIMARY, students, "4.2", "1", "0.9", "4.5", "7.5", "2000", "2.3");
    }

    /** A junior section meeting every threshold exactly (5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4). */
    public static SectionInput juniorAtThresholds(int students) {
        return section(Stage.JUNIOR, students, "5.3", "1", "0.9", "5.8", "10.2", "2500", "2.4");
    }

    /** A section whose raw figures give exactly the given per-student (or per-100) values; students must make counts whole. */
    public static SectionInput section(Stage stage, int students, String r1, String r2, String r3, String r4, String r5,
                                       String r6, String r7) {
        BigDecimal p = BigDecimal.valueOf(students);
        BigDecimal hundredths = p.movePointLeft(2);
        return new SectionInput(stage, students,
                whole(new BigDecimal(r1).multiply(hundredths)), whole(new BigDecimal(r2).multiply(hundredths)),
                whole(new BigDecimal(r3).multiply(hundredths)), new BigDecimal(r4).multiply(p),
                new BigDecimal(r5).multiply(p), new BigDecimal(r6).multiply(p),
                whole(new BigDecimal(r7).multiply(hundredths)));
    }

    public static SectionInput withTeachingArea(SectionInput s, String areaM2) {
        return new SectionInput(s.stage(), s.students(), s.qualifiedTeachers(), s.backboneTeachers(), s.peArtTeachers(),
                new BigDecimal(areaM2), s.sportsAreaM2(), s.equipmentValueYuan(), s.multimediaRooms());
    }

    public static SectionInput withStudents(SectionInput s, int students) {
        return new SectionInput(s.stage(), students, s.qualifiedTeachers(), s.backboneTeachers(), s.peArtTeachers(),
                s.teachingAreaM2(), s.sportsAreaM2(), s.equipmentValueYuan(), s.multimediaRooms());
    }

    public static SectionInput withBackboneTeachers(SectionInput s, int teachers) {
        return new SectionInput(s.stage(), s.students(), s.qualifiedTeachers(), teachers, s.peArtTeachers(),
                s.teachingAreaM2(), s.sportsAreaM2(), s.equipmentValueYuan(), s.multimediaRooms());
    }

    private static int whole(BigDecimal value) {
        return value.intValueExact();
    }
}
