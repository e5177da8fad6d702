package cn.supervision.compliance.facts;

import cn.supervision.compliance.text.Texts;

/** A school stage. Only compulsory stages are assessed; a senior section only weighs in the split of shared figures. */
public enum Stage {
    PRIMARY("小学", true),
    JUNIOR("初中", true),
    SENIOR("高中", false);

    private final String label;
    private final boolean compulsory;

    Stage(String label, boolean compulsory) {
        this.label = label;
        this.compulsory = compulsory;
    }

    public String label() {
        return label;
    }

    public boolean compulsory() {
        return compulsory;
    }

    public static Stage fromLabel(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (Stage stage : values()) {
            if (stage.label.equals(trimmed) || stage.name().equalsIgnoreCase(trimmed)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(Texts.of("workbook.value.not-a-stage", text));
    }
}
