package cn.supervision.compliance.ruleset;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watched folder: a workbook saved into {@code decision-tables/<rule set>/} while the service runs goes through the
 * pipeline once no further change has come for {@code quietPeriod}. Off with {@code compliance.rules.watch.enabled=false}.
 */
@ConfigurationProperties("compliance.rules.watch")
public record FolderWatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration quietPeriod) {
}
