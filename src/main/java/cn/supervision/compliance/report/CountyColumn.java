package cn.supervision.compliance.report;

/**
 * The columns of the 学校数据 sheet of the county data-entry template: one row per school section. School columns
 * repeat on each row of a school; the 全校 columns are whole-school totals (split over the sections by the rule set)
 * and are filled on one row of the school, instead of the per-section area and money columns.
 */
enum CountyColumn {
    SCHOOL_ID("学校代码", "id", Level.SCHOOL, Kind.TEXT),
    SCHOOL_NAME("学校名称", "name", Level.SCHOOL, Kind.TEXT),
    SCHOOL_TYPE("学校类型", "type", Level.SCHOOL, Kind.SCHOOL_TYPE),
    STAGE("学段", "stage", Level.SECTION, Kind.STAGE),
    STUDENTS("学生数（人）", "students", Level.SECTION, Kind.COUNT),
    QUALIFIED_TEACHERS("高于规定学历教师数（人）", "qualifiedTeachers", Level.SECTION, Kind.COUNT),
    BACKBONE_TEACHERS("县级及以上骨干教师数（人）", "backboneTeachers", Level.SECTION, Kind.COUNT),
    PE_ART_TEACHERS("体育、艺术（美术、音乐）专任教师数（人）", "peArtTeachers", Level.SECTION, Kind.COUNT),
    MULTIMEDIA_ROOMS("网络多媒体教室数（间）", "multimediaRooms", Level.SECTION, Kind.COUNT),
    TEACHING_AREA("教学及辅助用房面积（平方米）", "teachingAreaM2", Level.SECTION, Kind.DECIMAL),
    SPORTS_AREA("体育运动场馆面积（平方米）", "sportsAreaM2", Level.SECTION, Kind.DECIMAL),
    EQUIPMENT_VALUE("教学仪器设备值（元）", "equipmentValueYuan", Level.SECTION, Kind.DECIMAL),
    SCHOOL_TEACHING_AREA("全校教学及辅助用房面积（平方米）", "teachingAreaM2", Level.SCHOOL_TOTAL, Kind.DECIMAL),
    SCHOOL_SPORTS_AREA("全校体育运动场馆面积（平方米）", "sportsAreaM2", Level.SCHOOL_TOTAL, Kind.DECIMAL),
    SCHOOL_EQUIPMENT_VALUE("全校教学仪器设备值（元）", "equipmentValueYuan", Level.SCHOOL_TOTAL, Kind.DECIMAL);

    enum Level { SCHOOL, SECTION, SCHOOL_TOTAL }

    enum Kind { TEXT, SCHOOL_TYPE, STAGE, COUNT, DECIMAL }

    private final String header;
    private final String field;
    private final Level level;
    private final Kind kind;

    CountyColumn(String header, String field, Level level, Kind kind) {
        this.header = header;
        this.field = field;
        this.level = level;
        this.kind = kind;
    }

    String header() {
        return header;
    }

    /** The field of the JSON request this column fills (API.md). */
    String field() {
        return field;
    }

    Level level() {
        return level;
    }

    Kind kind() {
        return kind;
    }

    int index() {
        return ordinal();
    }
}
