package cn.supervision.compliance.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;

/**
 * Compiled Drools packages (rules and their compiled consequences) as bytes and back, and a rule base assembled from
 * packages: how {@link RuleBaseCache} keeps a rule base in the database and how {@link RuleSetCompiler} reuses the
 * compiled form of a DRL text that did not change. A package read back is a fresh object graph, never shared by two
 * rule bases.
 */
final class RulePackages {

    /** Deserialisation admits only classes of Java, Drools, MVEL and this application. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "java.lang.*;java.util.**;org.drools.**;org.kie.**;org.mvel2.**;cn.supervision.compliance.**;!*");
    private static final ClassLoader LOADER = RulePackages.class.getClassLoader();

    private RulePackages() {
    }

    static byte[] write(Collection<InternalKnowledgePackage> packages, boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
             ObjectOutputStream out = new DroolsObjectOutputStream(sink)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<InternalKnowledgePackage> read(byte[] content, boolean gzip) throws IOException, ClassNotFoundException {
        List<InternalKnowledgePackage> packages = new ArrayList<>();
        InputStream source = new ByteArrayInputStream(content);
        try (ObjectInputStream in = new DroolsObjectInputStream(gzip ? new GZIPInputStream(source) : source, LOADER)) {
            in.setObjectInputFilter(CLASSES);
            for (Object item : (List<?>) in.readObject()) {
                packages.add((InternalKnowledgePackage) item);
            }
        }
        return packages;
    }

    /** A new rule base of {@code packages}, with the application's class loader and Drools' default configuration. */
    static InternalKnowledgeBase ruleBase(List<InternalKnowledgePackage> packages) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, LOADER));
        kieBase.addPackages(packages);
        return kieBase;
    }

    static ClassLoader loader() {
        return LOADER;
    }
}
