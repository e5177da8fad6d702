package cn.supervision.compliance.balanced;

import cn.supervision.compliance.report.CellKind;

/**
 * The columns of the 学校数据 sheet of the county data-entry template: one row per school section. School columns
 * repeat on each row of a school (or are written on one of its rows); the 全校 columns are whole-school totals (split
 * over the sections by the rule set), filled on one row of the school instead of the per-section area and money
 * columns. Each column fills the request field it names: a field of the school ({@code subject.schools[i].…}) or of
 * the section ({@code subject.schools[i].sections[j].…}). The columns of the full assessment follow those of the
 * resource allocation, so that a template of the resource allocation only (columns A–O) reads as before.
 */
enum CountyColumn {
    SCHOOL_ID("学校代码", "id", Level.SCHOOL, CellKind.TEXT),
    SCHOOL_NAME("学校名称", "name", Level.SCHOOL, CellKind.TEXT),
    SCHOOL_TYPE("学校类型", "type", Level.SCHOOL, CellKind.SCHOOL_TYPE),
    STAGE("学段", "stage", Level.SECTION, CellKind.STAGE),
    STUDENTS("学生数（人）", "students", Level.SECTION, CellKind.COUNT),
    QUALIFIED_TEACHERS("高于规定学历教师数（人）", "qualifiedTeachers", Level.SECTION, CellKind.COUNT),
    BACKBONE_TEACHERS("县级及以上骨干教师数（人）", "backboneTeachers", Level.SECTION, CellKind.COUNT),
    PE_ART_TEACHERS("体育、艺术（美术、音乐）专任教师数（人）", "peArtTeachers", Level.SECTION, CellKind.COUNT),
    MULTIMEDIA_ROOMS("网络多媒体教室数（间）", "multimediaRooms", Level.SECTION, CellKind.COUNT),
    TEACHING_AREA("教学及辅助用房面积（平方米）", "teachingAreaM2", Level.SECTION, CellKind.DECIMAL),
    SPORTS_AREA("体育运动场馆面积（平方米）", "sportsAreaM2", Level.SECTION, CellKind.DECIMAL),
    EQUIPMENT_VALUE("教学仪器设备值（元）", "equipmentValueYuan", Level.SECTION, CellKind.DECIMAL),
    SCHOOL_TEACHING_AREA("全校教学及辅助用房面积（平方米）", "teachingAreaM2", Level.SCHOOL_TOTAL, CellKind.DECIMAL),
    SCHOOL_SPORTS_AREA("全校体育运动场馆面积（平方米）", "sportsAreaM2", Level.SCHOOL_TOTAL, CellKind.DECIMAL),
    SCHOOL_EQUIPMENT_VALUE("全校教学仪器设备值（元）", "equipmentValueYuan", Level.SCHOOL_TOTAL, CellKind.DECIMAL),
    CLASSES("班级数（个）", "classes", Level.SECTION, CellKind.COUNT),
    MAX_CLASS_SIZE("最大班额（人）", "maxClassSize", Level.SECTION, CellKind.COUNT),
    STAFF_QUOTA("教职工编制数（个）", "staffQuota", Level.SECTION, CellKind.COUNT),
    PUBLIC_FUNDING("年度公用经费（元）", "publicFundingYuan", Level.SECTION, CellKind.DECIMAL),
    VILLAGE("是否村小", "village", Level.SCHOOL, CellKind.YES_NO),
    TRAINING_BUDGET("全校教师培训经费（元）", "trainingBudgetYuan", Level.SCHOOL, CellKind.DECIMAL),
    FULL_TIME_TEACHERS("全校专任教师数（人）", "fullTimeTeachers", Level.SCHOOL, CellKind.COUNT),
    CERTIFIED_TEACHERS("全校持教师资格证专任教师数（人）", "certifiedTeachers", Level.SCHOOL, CellKind.COUNT);

    enum Level { SCHOOL, SECTION, SCHOOL_TOTAL }

    private final String header;
    private final String field;
    private final Level level;
    private final CellKind kind;

    CountyColumn(String header, String field, Level level, CellKind kind) {
        this.header = header;
        this.field = field;
        this.level = level;
        this.kind = kind;
    }

    String header() {
        return header;
    }

    /** The field of the JSON request this column fills (API.md), under the school or the section. */
    String field() {
        return field;
    }

    Level level() {
        return level;
    }

    CellKind kind() {
        return kind;
    }

    int index() {
        return ordinal();
    }
}
