package cn.supervision.compliance.cycle;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.system.AccountScope;

/** The cycle's scope on the accounts of the jurisdiction tree (issue 22): an account's node, a node's subjects. */
@Component
class AccountReviewScope implements ReviewScope {

    private final AccountScope accounts;

    AccountReviewScope(AccountScope accounts) {
        this.accounts = accounts;
    }

    @Override
    public String nodeOf(Authentication account) {
        return accounts.nodeOf(account.getName());
    }

    @Override
    public boolean contains(String node, String subjectCode) {
        return accounts.contains(node, subjectCode);
    }
}
