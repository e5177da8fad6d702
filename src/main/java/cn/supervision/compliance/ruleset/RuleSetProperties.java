package cn.supervision.compliance.ruleset;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where rule sets are read from: one sub-folder per rule set under each directory. */
@ConfigurationProperties("compliance.rules")
public record RuleSetProperties(@DefaultValue("decision-tables") Path decisionTables, @DefaultValue("rules") Path drl) {
}
