package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records the name of every rule that fires in one session, in firing order. */
final class FiredRules extends DefaultAgendaEventListener {

    private final List<String> names = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
