package cn.supervision.compliance.report;

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
            if (column.kind() != CountyColumn.Kind.COUNT && column.kind() != CountyColumn.Kind.DECIMAL) {
                continue;
            }
            String name = Texts.fieldName(column.field());
            assertThat(column.header()).as(column.name())
                    .isEqualTo(column.level() == CountyColumn.Level.SCHOOL_TOTAL ? "全校" + name : name);
        }
    }
}
