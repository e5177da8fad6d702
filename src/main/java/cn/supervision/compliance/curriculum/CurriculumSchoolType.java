package cn.supervision.compliance.curriculum;

/** School types of the {@code curriculum} subject; the check rows name a type by its Chinese label. */
public enum CurriculumSchoolType {
    PRIMARY("小学"), JUNIOR("初中"), SENIOR("普通高中"), NINE_YEAR("九年一贯制学校"), TWELVE_YEAR("十二年一贯制学校"),
    COMPLETE_MIDDLE("完全中学"), VOCATIONAL("职业学校"), SPECIAL_ED("特殊教育学校");

    private final String label;

    CurriculumSchoolType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
