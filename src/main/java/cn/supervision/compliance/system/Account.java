package cn.supervision.compliance.system;

import java.time.Instant;
import java.util.List;

/** A person's account: its exact name, roles, the jurisdiction node it works for, and who made or last changed it. */
public record Account(String username, List<Role> roles, String jurisdiction, boolean enabled, Instant createdAt,
                      String createdBy, Instant updatedAt, String updatedBy) {

    /** The root of every rule set's jurisdiction tree; an account without a node works for the whole country. */
    public static final String NATIONAL = "national";

    public Account {
        roles = List.copyOf(roles);
    }
}
