package cn.supervision.compliance.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where an account may act: the node of the jurisdiction tree it is bound to and that node's subtree. A subject (a
 * county, district or school by its 行政区划代码) belongs to the deepest node whose prefix starts its code, and to the
 * root when none does. API keys carry the node configured for them (national by default).
 */
@Component
public class AccountScope {

    private final AccountStore accounts;
    private final JurisdictionNodes tree;

    AccountScope(AccountStore accounts, JurisdictionNodes tree) {
        this.accounts = accounts;
        this.tree = tree;
    }

    /** The node of whoever is signed in on this thread; national for an unknown or anonymous caller of a public path. */
    public String currentNode() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Account.NATIONAL;
        }
        if (authentication.getDetails() instanceof ApiKeyAuthenticationFilter.KeyDetails key) {
            return key.jurisdiction();
        }
        return nodeOf(authentication.getName());
    }

    /** The node an account is bound to (national when there is no such account). */
    public String nodeOf(String username) {
        return accounts.find(username).map(Account::jurisdiction).orElse(Account.NATIONAL);
    }

    /** The deepest node whose 行政区划代码 prefix starts {@code subjectCode}; the root when none does. */
    public String nodeOfSubject(String subjectCode) {
        String best = Account.NATIONAL;
        int bestLength = -1;
        if (subjectCode != null) {
            for (JurisdictionNodes.Node node : tree.nodes().values()) {
                String prefix = node.divisionPrefix();
                if (prefix != null && subjectCode.startsWith(prefix) && prefix.length() > bestLength) {
                    best = node.code();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    /** Whether {@code inner} is {@code outer} or lies below it. */
    public boolean covers(String outer, String inner) {
        return chain(inner).contains(outer);
    }

    /** Whether the subject coded {@code subjectCode} lies in {@code node}'s subtree. */
    public boolean contains(String node, String subjectCode) {
        return covers(node, nodeOfSubject(subjectCode));
    }

    /** Whether the subject coded {@code subjectCode} lies in the subtree of whoever is signed in. */
    public boolean inCurrentScope(String subjectCode) {
        return contains(currentNode(), subjectCode);
    }

    /** {@code node} and its ancestors, nearest first (just {@code node} when the tree does not know it). */
    public List<String> chain(String node) {
        Map<String, JurisdictionNodes.Node> nodes = tree.nodes();
        List<String> chain = new ArrayList<>();
        for (String code = node; code != null && !chain.contains(code); ) {
            chain.add(code);
            JurisdictionNodes.Node known = nodes.get(code);
            code = known == null ? null : known.parent();
        }
        return chain;
    }

    /** {@code node} and every node below it. */
    public List<String> subtree(String node) {
        return tree.nodes().keySet().stream().filter(code -> chain(code).contains(node)).sorted().toList();
    }

    /** The 行政区划代码 prefix of {@code node}; empty for national or a node without one. */
    public Optional<String> divisionPrefix(String node) {
        return Optional.ofNullable(tree.nodes().get(node)).map(JurisdictionNodes.Node::divisionPrefix);
    }

    /**
     * What whoever is signed in may read, as a search criterion: empty for a national account (everything), else
     * the subjects whose code starts with its node's prefix or that were judged under a node of its subtree.
     */
    public Optional<Reach> currentReach() {
        String node = currentNode();
        if (Account.NATIONAL.equals(node)) {
            return Optional.empty();
        }
        return Optional.of(new Reach(divisionPrefix(node).orElse(null), subtree(node)));
    }

    /** A subtree as a search criterion: {@code codePrefix} null when the node has no 行政区划代码. */
    public record Reach(String codePrefix, List<String> nodes) {
    }

    /** Whether the tree has a node of this code. */
    public boolean known(String node) {
        return tree.nodes().containsKey(node);
    }
}
