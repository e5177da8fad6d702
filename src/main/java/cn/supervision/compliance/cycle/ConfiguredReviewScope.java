package cn.supervision.compliance.cycle;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.evaluation.EvaluationRequest;

/**
 * The scope on today's accounts (issue 22 not merged): an account's node from {@code compliance.cycle.scope}, the
 * root ({@code national}) by default; the root contains every subject, another node those whose code starts with one
 * of its configured prefixes.
 */
@Component
class ConfiguredReviewScope implements ReviewScope {

    private final CycleProperties.Scope scope;

    ConfiguredReviewScope(CycleProperties properties) {
        this.scope = properties.scope();
    }

    @Override
    public String nodeOf(Authentication account) {
        return scope.accountNodes().getOrDefault(account.getName(), EvaluationRequest.DEFAULT_JURISDICTION);
    }

    @Override
    public boolean contains(String node, String subjectCode) {
        if (EvaluationRequest.DEFAULT_JURISDICTION.equals(node)) {
            return true;
        }
        return scope.nodeCodes().getOrDefault(node, List.of()).stream().anyMatch(subjectCode::startsWith);
    }
}
