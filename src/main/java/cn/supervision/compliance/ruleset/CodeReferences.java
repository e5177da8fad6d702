package cn.supervision.compliance.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The closed lists a rule set's workbooks define for themselves: the codes its {@code key:} columns define (指标体系
 * the indicators, 管辖区域 the jurisdictions), and every code a {@code ref:} column of any of its workbooks names,
 * checked once all its workbooks are read (county-assessment.xlsx names the jurisdictions of resource-allocation.xlsx).
 * A row naming anything else is refused at its cell instead of silently never matching.
 */
final class CodeReferences {

    private final Map<String, Set<String>> defined = new HashMap<>();
    private final Map<String, Set<String>> definedIn = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    /** A cell naming a code of a family. */
    record Reference(String family, String code, String file, String sheet, String cell, String label) {
    }

    void define(String family, String code, String sheet) {
        defined.computeIfAbsent(family, f -> new TreeSet<>()).add(code);
        definedIn.computeIfAbsent(family, f -> new LinkedHashSet<>()).add(sheet);
    }

    void refer(Reference reference) {
        references.add(reference);
    }

    /** Every reference to a code no workbook of the rule set defines. */
    List<RuleSetProblem> problems() {
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Reference reference : references) {
            Set<String> codes = defined.getOrDefault(reference.family(), Set.of());
            if (!codes.contains(reference.code())) {
                problems.add(undefined(reference, codes));
            }
        }
        return problems;
    }

    private RuleSetProblem undefined(Reference reference, Set<String> codes) {
        String family = reference.family();
        if (codes.isEmpty()) {
            return RuleSetProblem.of(reference.file(), reference.sheet(), reference.cell(), "workbook.undefined-code-none",
                    reference.code(), family, reference.label());
        }
        return RuleSetProblem.of(reference.file(), reference.sheet(), reference.cell(), "workbook.undefined-code",
                reference.code(), family, reference.label(), String.join("、", codes),
                String.join("”“", definedIn.get(family)));
    }
}
