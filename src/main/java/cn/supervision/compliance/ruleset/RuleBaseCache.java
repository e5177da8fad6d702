package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.drools.base.util.Drools;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The compiled rule bases of rule-set versions, kept in the database (Flyway V4) so that a start-up, or another instance
 * on the same database, loads a version's rule base instead of building it: the rule base's packages (rules and compiled
 * consequences) as Drools serialises them, gzipped, with the origin of every rule and the workbooks' texts as JSON.
 * Only a rule base that passed every check of {@link RuleSetVersions} (values only, compile, the workbooks' test cases)
 * is cached, so a load skips all of them.
 *
 * <p>Never trusted: a row is used only when it belongs to the version (rule set and the hash of its files), was written
 * by this very code ({@link #engine}: the Drools version and a fingerprint of the application's classes and approved
 * templates, which hold the DRL generator and the fact classes), its bytes match their SHA-256, deserialisation admits only
 * classes of Java, Drools, MVEL and this application, and the loaded base holds exactly the rules its origins name. Any
 * other row is deleted and the rule base built, tested and cached again. Deserialising bytes from the database is
 * acceptable because only the service writes this table, as it writes the stored rule-set files beside it, which it
 * compiles and runs anyway: whoever could forge a row could already store rules, so a keyed MAC would add key handling
 * and no protection. The checksum detects damage, not an attacker; the database's access control is the boundary.
 */
@Repository
public class RuleBaseCache {

    /** Micrometer counter of rule-base loads, tagged {@code outcome}: {@code hit}, {@code miss} or {@code rejected}. */
    public static final String LOADS = "compliance.rulebase.cache";

    private static final Logger log = LoggerFactory.getLogger(RuleBaseCache.class);
    private static final TypeReference<Map<String, RuleOrigin>> ORIGINS = new TypeReference<>() { };
    private static final TypeReference<List<RowCatalogue.Entry>> TEXTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final String engine;

    public RuleBaseCache(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper mapper, MeterRegistry meters,
                         ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
        this.meters = meters;
        // keyed on what the rule base depends on (Drools, the classes, the approved templates), not on the build's
        // clock: spring-boot:run writes a new build time on every run, and a restart of the same code must start warm
        this.engine = "drools " + Drools.getFullVersion() + "; " + Optional.ofNullable(build.getIfAvailable())
                .map(b -> b.getArtifact() + " " + b.getVersion()).orElse("unpackaged")
                + "; code " + CodeFingerprint.ofApplication();
    }

    /** The cached rule base of {@code version}, when its row passes every check; a row that fails one is deleted. */
    Optional<CompiledRuleSet> load(RuleSetVersion version) {
        Optional<Row> found = jdbc.sql("""
                SELECT engine, built_at, checksum, origins, texts, content FROM rule_base_cache
                 WHERE rule_set = :ruleSet AND hash = :hash
                """).param("ruleSet", version.ruleSet()).param("hash", version.hash())
                .query((rs, n) -> new Row(rs.getString("engine"), rs.getTimestamp("built_at").toInstant(),
                        rs.getString("checksum"), rs.getString("origins"), rs.getString("texts"), rs.getBytes("content")))
                .optional();
        if (found.isEmpty()) {
            count("miss");
            return Optional.empty();
        }
        Row row = found.get();
        String refusal = !row.engine().equals(engine) ? "it was built by another release (" + row.engine() + ")"
                : !row.checksum().equals(checksum(version.ruleSet(), version.hash(), row)) ? "its bytes do not match their checksum"
                : null;
        if (refusal == null) {
            try {
                KieBase kieBase = read(row.content());
                Map<String, RuleOrigin> origins = mapper.readValue(row.origins(), ORIGINS);
                if (ruleNames(kieBase).equals(origins.keySet())) {
                    count("hit");
                    log.info("rule set {} version {}: rule base loaded from the cache (built at {})",
                            version.ruleSet(), version.sequence(), row.builtAt());
                    return Optional.of(new CompiledRuleSet(version.ruleSet(), version.hash(), row.builtAt(),
                            version.files(), kieBase, Map.copyOf(origins),
                            RowCatalogue.of(mapper.readValue(row.texts(), TEXTS))));
                }
                refusal = "it does not hold exactly the rules its origins name";
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                refusal = "it cannot be read (" + e + ")";
            }
        }
        log.warn("the cached rule base of rule set {} version {} is not used and will be rebuilt: {}",
                version.ruleSet(), version.sequence(), refusal);
        count("rejected");
        jdbc.sql("DELETE FROM rule_base_cache WHERE rule_set = :ruleSet AND hash = :hash")
                .param("ruleSet", version.ruleSet()).param("hash", version.hash()).update();
        return Optional.empty();
    }

    /**
     * Keeps {@code built}, which passed every check and whose version is stored. A cache that cannot be written costs
     * only a later start-up's time: the failure is logged, never passed on.
     */
    void save(CompiledRuleSet built) {
        try {
            Row row = new Row(engine, built.builtAt(), null, mapper.writeValueAsString(built.origins()),
                    mapper.writeValueAsString(built.texts().entries()), write(built.kieBase()));
            transactions.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM rule_base_cache WHERE rule_set = :ruleSet AND hash = :hash")
                        .param("ruleSet", built.name()).param("hash", built.version()).update();
                jdbc.sql("""
                        INSERT INTO rule_base_cache (rule_set, hash, engine, built_at, checksum, origins, texts, content)
                        VALUES (:ruleSet, :hash, :engine, :builtAt, :checksum, :origins, :texts, :content)
                        """).param("ruleSet", built.name()).param("hash", built.version()).param("engine", engine)
                        .param("builtAt", Timestamp.from(row.builtAt()))
                        .param("checksum", checksum(built.name(), built.version(), row))
                        .param("origins", row.origins()).param("texts", row.texts()).param("content", row.content())
                        .update();
            });
        } catch (IOException | UncheckedIOException | DataAccessException e) {
            log.warn("the rule base of rule set {} version {} could not be cached; it will be built again: {}",
                    built.name(), built.version(), e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter(LOADS, "outcome", outcome).increment();
    }

    private static byte[] write(KieBase kieBase) {
        return RulePackages.write(((InternalKnowledgeBase) kieBase).getPackagesMap().values(), true);
    }

    private static KieBase read(byte[] content) throws IOException, ClassNotFoundException {
        return RulePackages.ruleBase(RulePackages.read(content, true));
    }

    private static Set<String> ruleNames(KieBase kieBase) {
        Set<String> names = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(r.getName())));
        return names;
    }

    /** SHA-256 over everything a row says: whose rule base it is, by which release, when, and its three contents. */
    private static String checksum(String ruleSet, String hash, Row row) {
        return RuleSetCompiler.sha256(digest -> {
            for (String part : List.of(ruleSet, hash, row.engine(), row.builtAt().toString(), row.origins(), row.texts())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            digest.update(row.content());
        });
    }

    private record Row(String engine, Instant builtAt, String checksum, String origins, String texts, byte[] content) {
    }
}
