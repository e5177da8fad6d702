package cn.supervision.compliance.balanced;

import cn.supervision.compliance.report.CellKind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.supervision.compliance.text.Texts;

/**
 * The data-entry template's column of a figure and the catalogue's name of its request field say the same, so a clerk,
 * a problem message ("教学仪器设备值（元）：…") and an auditor's trace name a figure alike.
 */
class CountyColumnNamesTests {

    @Test
    void everyFigureColumnIsHeadedByTheChineseNameOfItsField() {
        for (CountyColumn column : CountyColumn.values()) {
            if (column.kind() != CellKind.COUNT && column.kind() != CellKind.DECIMAL) {
                continue;
            }
            String name = Texts.fieldName(column.field());
            switch (column.level()) {
                case SCHOOL_TOTAL -> assertThat(column.header()).as(column.name()).isEqualTo("全校" + name);
                // a school's own figure (its teachers, its training budget) may say that it is the whole school's
                case SCHOOL -> assertThat(column.header()).as(column.name()).isIn(name, "全校" + name);
                case SECTION -> assertThat(column.header()).as(column.name()).isEqualTo(name);
            }
        }
    }
}
