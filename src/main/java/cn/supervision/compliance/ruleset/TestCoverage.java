package cn.supervision.compliance.ruleset;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import cn.supervision.compliance.ruleset.VersionAnalysis.SheetCoverage;

/**
 * Which rule rows a version's own test cases fire (issue 22, point 5; after KIE's scenario coverage): the test cases
 * run on the candidate rule base seen through a recorder, whose every session notes the rules that fired; each fired
 * rule of a decision table is a row of a sheet ({@link RuleOrigin}). Rules written in DRL are not counted.
 */
final class TestCoverage {

    private final CompiledRuleSet candidate;
    private final Set<String> fired = ConcurrentHashMap.newKeySet();

    TestCoverage(CompiledRuleSet candidate) {
        this.candidate = candidate;
    }

    /** The candidate as the test cases see it: the same rule base, each session recording what fires. */
    CompiledRuleSet recording() {
        KieBase base = candidate.kieBase();
        KieBase recorder = (KieBase) Proxy.newProxyInstance(KieBase.class.getClassLoader(), new Class<?>[] {KieBase.class},
                (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(base, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof KieSession session) {
                        session.addEventListener(new DefaultAgendaEventListener() {
                            @Override
                            public void afterMatchFired(AfterMatchFiredEvent event) {
                                fired.add(event.getMatch().getRule().getName());
                            }
                        });
                    }
                    return result;
                });
        return new CompiledRuleSet(candidate.name(), candidate.version(), candidate.builtAt(), candidate.files(),
                recorder, candidate.origins(), candidate.texts());
    }

    /** Per sheet of the workbooks: rule rows fired by the test cases run so far, of all, and the rows none fired. */
    List<SheetCoverage> sheets() {
        Map<List<String>, List<RuleOrigin>> bySheet = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        candidate.origins().values().stream().filter(o -> o.sheet() != null && o.row() != null)
                .forEach(o -> bySheet.computeIfAbsent(List.of(o.workbook(), o.sheet()), k -> new ArrayList<>()).add(o));
        List<SheetCoverage> sheets = new ArrayList<>();
        bySheet.forEach((sheet, rules) -> {
            List<String> uncovered = rules.stream().filter(o -> !fired.contains(o.name()))
                    .map(RuleOrigin::row).distinct().sorted().map(row -> sheet.get(1) + "!" + row).toList();
            long rows = rules.stream().map(RuleOrigin::row).distinct().count();
            sheets.add(new SheetCoverage(sheet.get(0), sheet.get(1), (int) rows - uncovered.size(), (int) rows, uncovered));
        });
        return sheets;
    }
}
