package cn.supervision.compliance.facts;

import java.util.EnumSet;
import java.util.Set;

/** School types of the integrators' contract (API.md), with the sections each must and may have. */
public enum SchoolType {
    PRIMARY("小学", EnumSet.of(Stage.PRIMARY), EnumSet.noneOf(Stage.class)),
    JUNIOR("初中", EnumSet.of(Stage.JUNIOR), EnumSet.noneOf(Stage.class)),
    NINE_YEAR("九年一贯制学校", EnumSet.of(Stage.PRIMARY, Stage.JUNIOR), EnumSet.noneOf(Stage.class)),
    TWELVE_YEAR("十二年一贯制学校", EnumSet.of(Stage.PRIMARY, Stage.JUNIOR), EnumSet.of(Stage.SENIOR)),
    COMPLETE_MIDDLE("完全中学", EnumSet.of(Stage.JUNIOR), EnumSet.of(Stage.SENIOR)),
    TEACHING_POINT("教学点", EnumSet.of(Stage.PRIMARY), EnumSet.noneOf(Stage.class)),
    SPECIAL_ED("特殊教育学校", EnumSet.noneOf(Stage.class), EnumSet.of(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR));

    private final String label;
    private final Set<Stage> requiredStages;
    private final Set<Stage> optionalStages;

    SchoolType(String label, Set<Stage> requiredStages, Set<Stage> optionalStages) {
        this.label = label;
        this.requiredStages = requiredStages;
        this.optionalStages = optionalStages;
    }

    public String label() {
        return label;
    }

    public Set<Stage> requiredStages() {
        return requiredStages;
    }

    public boolean allows(Stage stage) {
        return requiredStages.contains(stage) || optionalStages.contains(stage);
    }
}
