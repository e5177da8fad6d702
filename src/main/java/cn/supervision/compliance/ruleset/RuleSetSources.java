package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Reads the files of each rule set from {@code decision-tables/<rule set>/*.xlsx} and {@code rules/<rule set>/*.drl},
 * and the DRL of {@code rules/shared/} that {@code rules/<rule set>/shared.txt} names (logic two rule sets share, such
 * as the judging of check rows, is written once).
 */
@Component
public class RuleSetSources {

    private static final String SHARED = "shared";
    private static final String SHARED_LIST = "shared.txt";
    private static final Pattern SHARED_NAME = Pattern.compile("[a-z0-9-]{1,64}\\.drl");

    private final RuleSetProperties properties;

    public RuleSetSources(RuleSetProperties properties) {
        this.properties = properties;
    }

    public List<String> ruleSetNames() {
        try (Stream<Path> folders = Files.list(properties.decisionTables())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rule sets in " + properties.decisionTables().toAbsolutePath(), e);
        }
    }

    public List<RuleSetFile> read(String ruleSet) {
        List<RuleSetFile> files = new ArrayList<>();
        files.addAll(list(properties.decisionTables().resolve(ruleSet), ".xlsx", RuleSetFile.Kind.WORKBOOK));
        files.addAll(list(properties.drl().resolve(ruleSet), ".drl", RuleSetFile.Kind.DRL));
        files.addAll(shared(ruleSet));
        return files;
    }

    private List<RuleSetFile> shared(String ruleSet) {
        Path list = properties.drl().resolve(ruleSet).resolve(SHARED_LIST);
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        List<RuleSetFile> files = new ArrayList<>();
        for (String line : new String(readAll(list), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!SHARED_NAME.matcher(line).matches()) {
                throw new IllegalStateException(list.toAbsolutePath() + " names '" + line + "', not a .drl file of rules/shared");
            }
            files.add(new RuleSetFile(RuleSetFile.Kind.DRL, line, readAll(properties.drl().resolve(SHARED).resolve(line))));
        }
        return files;
    }

    private static List<RuleSetFile> list(Path folder, String suffix, RuleSetFile.Kind kind) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !p.getFileName().toString().startsWith("~$") && !p.getFileName().toString().startsWith(".~lock"))
                    .sorted()
                    .map(p -> new RuleSetFile(kind, p.getFileName().toString(), readAll(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.toAbsolutePath(), e);
        }
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
