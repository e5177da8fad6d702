package cn.supervision.compliance.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.util.Drools;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The compiled rule bases of rule-set versions, kept in the database (Flyway V4) so that a start-up, or another instance
 * on the same database, loads a version's rule base instead of compiling it. What is kept is the rule base's packages
 * (rules, compiled consequences) as Drools serialises them, gzipped; the origins and texts are rebuilt from the stored
 * files, which also yields the compiler input the cached base must have been built from.
 *
 * <p>Never trusted: a row is used only when it was written by this very release ({@link #engine}: the Drools version and
 * the application's build), from exactly today's compiler input for the version's files ({@code input_hash}), its bytes
 * match their SHA-256, deserialisation admits only classes of Java, Drools, MVEL and this application, and the loaded
 * base holds exactly the rules of that input. Any other row is deleted and the rule base compiled (and tested) again.
 * Deserialising bytes from the database is acceptable because only the service writes this table, like the stored
 * rule-set files beside it, which it compiles and runs anyway: whoever could forge a row could already store rules, so a
 * keyed MAC would add key handling and no protection; the checksum detects damage, not an attacker.
 */
@Repository
public class RuleBaseCache {

    /** Micrometer counter of rule-base loads, tagged {@code outcome}: {@code hit}, {@code miss} or {@code rejected}. */
    public static final String LOADS = "compliance.rulebase.cache";

    private static final Logger log = LoggerFactory.getLogger(RuleBaseCache.class);
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "java.lang.*;java.util.**;org.drools.**;org.kie.**;org.mvel2.**;cn.supervision.compliance.**;!*");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final String engine;

    public RuleBaseCache(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters,
                         ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        // a build without build-info (an IDE's) gets an engine of its own per start, so it never reuses a cache
        this.engine = "drools " + Drools.getFullVersion() + "; " + Optional.ofNullable(build.getIfAvailable())
                .map(b -> b.getArtifact() + " " + b.getVersion() + " built " + b.getTime())
                .orElse("unpackaged, started " + Instant.now());
    }

    /** The cached rule base of {@code prepared}, when a row passes every check; a row that fails one is deleted. */
    Optional<CompiledRuleSet> load(RuleSetBuilder.Prepared prepared) {
        Optional<Row> found = jdbc.sql("""
                SELECT engine, input_hash, built_at, checksum, content FROM rule_base_cache
                 WHERE rule_set = :ruleSet AND hash = :hash
                """).param("ruleSet", prepared.ruleSet()).param("hash", prepared.version())
                .query((rs, n) -> new Row(rs.getString("engine"), rs.getString("input_hash"),
                        rs.getTimestamp("built_at").toInstant(), rs.getString("checksum"), rs.getBytes("content")))
                .optional();
        if (found.isEmpty()) {
            count("miss");
            return Optional.empty();
        }
        Row row = found.get();
        String refusal = !row.engine().equals(engine) ? "it was built by another release (" + row.engine() + ")"
                : !row.inputHash().equals(prepared.inputHash()) ? "it was built from other compiler input"
                : !row.checksum().equals(checksum(prepared.ruleSet(), prepared.version(), row.engine(), row.inputHash(),
                row.builtAt(), row.content())) ? "its bytes do not match their checksum" : null;
        if (refusal == null) {
            try {
                KieBase kieBase = read(row.content());
                if (ruleNames(kieBase).equals(prepared.input().origins().keySet())) {
                    count("hit");
                    log.info("rule set {} version {}: rule base loaded from the cache (built at {})",
                            prepared.ruleSet(), prepared.version(), row.builtAt());
                    return Optional.of(prepared.with(kieBase, row.builtAt()));
                }
                refusal = "it does not hold exactly the rules of the version";
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                refusal = "it cannot be read (" + e + ")";
            }
        }
        log.warn("the cached rule base of rule set {} version {} is not used and will be rebuilt: {}",
                prepared.ruleSet(), prepared.version(), refusal);
        count("rejected");
        jdbc.sql("DELETE FROM rule_base_cache WHERE rule_set = :ruleSet AND hash = :hash")
                .param("ruleSet", prepared.ruleSet()).param("hash", prepared.version()).update();
        return Optional.empty();
    }

    /**
     * Keeps the rule base {@code built} from {@code prepared} (it passed every check and its version is stored). A
     * cache that cannot be written costs only the next start-up's time: the failure is logged, never passed on.
     */
    void save(RuleSetBuilder.Prepared prepared, CompiledRuleSet built) {
        try {
            byte[] content = write(built.kieBase());
            String inputHash = prepared.inputHash();
            String sum = checksum(built.name(), built.version(), engine, inputHash, built.builtAt(), content);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM rule_base_cache WHERE rule_set = :ruleSet AND hash = :hash")
                        .param("ruleSet", built.name()).param("hash", built.version()).update();
                jdbc.sql("""
                        INSERT INTO rule_base_cache (rule_set, hash, engine, input_hash, built_at, checksum, content)
                        VALUES (:ruleSet, :hash, :engine, :inputHash, :builtAt, :checksum, :content)
                        """).param("ruleSet", built.name()).param("hash", built.version()).param("engine", engine)
                        .param("inputHash", inputHash).param("builtAt", Timestamp.from(built.builtAt()))
                        .param("checksum", sum).param("content", content).update();
            });
        } catch (IOException | DataAccessException e) {
            log.warn("the rule base of rule set {} version {} could not be cached; the next start-up compiles it: {}",
                    built.name(), built.version(), e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter(LOADS, "outcome", outcome).increment();
    }

    private static byte[] write(KieBase kieBase) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(new ArrayList<>(((InternalKnowledgeBase) kieBase).getPackagesMap().values()));
        }
        return bytes.toByteArray();
    }

    private static KieBase read(byte[] content) throws IOException, ClassNotFoundException {
        ClassLoader loader = RuleBaseCache.class.getClassLoader();
        List<InternalKnowledgePackage> packages = new ArrayList<>();
        try (ObjectInputStream in = new DroolsObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(content)),
                loader)) {
            in.setObjectInputFilter(CLASSES);
            for (Object item : (List<?>) in.readObject()) {
                packages.add((InternalKnowledgePackage) item);
            }
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(packages);
        return kieBase;
    }

    private static Set<String> ruleNames(KieBase kieBase) {
        Set<String> names = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(r.getName())));
        return names;
    }

    private static String checksum(String ruleSet, String hash, String engine, String inputHash, Instant builtAt,
                                   byte[] content) {
        return RuleSetCompiler.sha256(digest -> {
            for (String part : List.of(ruleSet, hash, engine, inputHash, builtAt.toString())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            digest.update(content);
        });
    }

    private record Row(String engine, String inputHash, Instant builtAt, String checksum, byte[] content) {
    }
}
