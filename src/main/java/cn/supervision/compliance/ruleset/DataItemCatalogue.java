package cn.supervision.compliance.ruleset;

import java.util.List;

/**
 * The data items (数据项) a rule set's derivation produces from a request: the closed list a workbook row may name in
 * a {@code 数据项} column. A row naming anything else is refused at upload, naming its cell, instead of never matching
 * at run time. Each rule-set module provides its own.
 */
public interface DataItemCatalogue {

    /** The name of the enumeration the approved templates use for data items. */
    String ENUMERATION = "数据项";

    String ruleSet();

    List<String> dataItems();
}
