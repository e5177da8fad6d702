package cn.supervision.compliance.ruleset;

import java.util.List;

/**
 * The data items (数据项) a rule set's derivation produces from a request: the closed list a workbook row may name in
 * a {@code 数据项} column. A row naming anything else is refused at upload, naming its cell, instead of never matching
 * at run time. Each rule-set module provides its own, from its {@link DataItem#catalogue(String) catalogue}.
 */
public interface DataItemCatalogue {

    /** The name of the enumeration the approved templates use for data items. */
    String ENUMERATION = "数据项";

    String ruleSet();

    /** Every data item with its Chinese name, type, unit and request fields, in catalogue order. */
    default List<DataItem> items() {
        return DataItem.catalogue(ruleSet());
    }

    /** The names a 数据项 cell may hold. */
    default List<String> dataItems() {
        return items().stream().map(DataItem::name).toList();
    }
}
