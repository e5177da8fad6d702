package cn.supervision.compliance.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;

import cn.supervision.compliance.text.Texts;

/**
 * Compiles a rule set's workbooks and DRL files into one immutable rule base. Each sheet that holds a {@code RuleSet}
 * cell is compiled to DRL on its own; every rule is then indexed by name to its workbook, sheet and Excel row
 * (Drools names decision-table rules {@code <RuleTable name>_<row>}).
 */
final class RuleSetCompiler {

    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.MULTILINE);
    /** DRL package folders mirror the rule set's package, {@code rules.<rule set with _>}. */
    private static final Function<String, String> PACKAGE_FOLDER = name -> "rules/" + name.replace('-', '_');
    private static final Pattern ROW_SUFFIX = Pattern.compile("_(\\d+)$");
    private static final Pattern VALUES_AT = Pattern.compile("// rule values at ([A-Z]+\\d+)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern QUOTED_RULE = Pattern.compile("Rule name='([^']*)'|rule \"([^\"]*)\"|Rule \"([^\"]*)\"");

    /** What the compiler receives for a rule set: DRL only, generated from compiler workbooks or kept by developers. */
    record CompilerInput(String ruleSet, Map<String, SheetSource> generated, Map<String, String> drl,
                         Map<String, RuleOrigin> origins) {

        /** Every DRL text handed to the compiler, generated or kept, by its path in the rule base. */
        Map<String, String> texts() {
            Map<String, String> texts = new LinkedHashMap<>();
            generated.forEach((path, sheet) -> texts.put(path, sheet.drl()));
            texts.putAll(drl);
            return texts;
        }
    }

    /**
     * The DRL of a rule set: each sheet of a {@link CompilerWorkbook} that holds a {@code RuleSet} cell compiled by
     * Drools' spreadsheet compiler, and the DRL files as they are. Workbooks here are only ever compiler workbooks:
     * {@link RuleSetBuilder} is the one way in.
     */
    CompilerInput input(String ruleSet, List<RuleSetFile> compilable) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, RuleOrigin> origins = new LinkedHashMap<>();
        Map<String, SheetSource> generated = new LinkedHashMap<>();
        Map<String, String> drl = new LinkedHashMap<>();
        String folder = "src/main/resources/" + PACKAGE_FOLDER.apply(ruleSet) + "/";
        for (RuleSetFile file : compilable) {
            if (file.kind() == RuleSetFile.Kind.WORKBOOK) {
                for (String sheet : ruleSheets(file, problems)) {
                    String text = compileSheet(file, sheet, problems);
                    if (text != null) {
                        String path = folder + "table" + generated.size() + ".drl";
                        generated.put(path, new SheetSource(file.name(), sheet, text));
                        index(text, name -> new RuleOrigin(name, file.name(), sheet, row(name)), origins);
                    }
                }
            } else {
                String text = new String(file.content(), StandardCharsets.UTF_8);
                drl.put(folderOf(text, folder) + file.name(), text);
                index(text, name -> new RuleOrigin(name, file.name(), null, null), origins);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejected(ruleSet, problems);
        }
        return new CompilerInput(ruleSet, generated, drl, origins);
    }

    /** Builds the rule base of {@code input} under a version hash computed from the files as they were uploaded. */
    CompiledRuleSet compile(CompilerInput input, String version, List<String> files, RowCatalogue texts) {
        List<RuleSetProblem> problems = new ArrayList<>();
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fileSystem = kie.newKieFileSystem();
        input.texts().forEach(fileSystem::write);
        ReleaseId releaseId = kie.newReleaseId("cn.supervision.rules", input.ruleSet(), "1.0.0-" + version);
        fileSystem.generateAndWritePomXML(releaseId);
        // engine lane (issue 21, part 4): -Dcompliance.rules.executable-model=true builds with Drools' executable model
        // instead of MVEL-interpreted constraints, for the comparison in docs/performance.md; MVEL stays the default
        KieBuilder builder = Boolean.getBoolean("compliance.rules.executable-model")
                ? kie.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class)
                : kie.newKieBuilder(fileSystem).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(message, input.generated(), input.origins()));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejected(input.ruleSet(), problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // the built base stands on its own; keep no copy of every version in the global repository
        kie.getRepository().removeKieModule(releaseId);
        // milliseconds: the time survives the database (RuleBaseCache) unchanged
        return new CompiledRuleSet(input.ruleSet(), version, Instant.now().truncatedTo(ChronoUnit.MILLIS), files, kieBase,
                Map.copyOf(input.origins()), texts);
    }

    record SheetSource(String workbook, String sheet, String drl) {
    }

    private static List<String> ruleSheets(RuleSetFile file, List<RuleSetProblem> problems) {
        List<String> sheets = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                if (declaresRuleSet(sheet)) {
                    sheets.add(sheet.getSheetName());
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.of(file.name(), null, null, "workbook.compile.not-xlsx"));
        }
        return sheets;
    }

    static boolean declaresRuleSet(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && "RuleSet".equals(cell.getStringCellValue().strip())) {
                    return true;
                }
            }
            if (row.getRowNum() > 20) {
                return false;
            }
        }
        return false;
    }

    private static String compileSheet(RuleSetFile file, String sheet, List<RuleSetProblem> problems) {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), sheet);
        } catch (RuntimeException e) {
            problems.add(RuleSetProblem.of(file.name(), sheet, null, "workbook.compile.sheet", firstLine(e.getMessage())));
            return null;
        }
    }

    /** The folder of the package a DRL file declares (a shared file declares its own), else the rule set's. */
    private static String folderOf(String drl, String ruleSetFolder) {
        Matcher declared = PACKAGE.matcher(drl);
        return declared.find() ? "src/main/resources/" + declared.group(1).replace('.', '/') + "/" : ruleSetFolder;
    }

    private static void index(String drl, Function<String, RuleOrigin> origin,
                              Map<String, RuleOrigin> origins) {
        Matcher matcher = RULE_NAME.matcher(drl);
        while (matcher.find()) {
            String name = matcher.group(1);
            origins.put(name, origin.apply(name));
        }
    }

    private static Integer row(String ruleName) {
        Matcher matcher = ROW_SUFFIX.matcher(ruleName);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /**
     * Maps a compiler message on generated DRL back to the workbook: through the rule it names, else through the rule
     * around the line it points at (the generated DRL says which cell holds that rule's values). A person never sees a
     * DRL line number.
     */
    private static RuleSetProblem locate(Message message, Map<String, SheetSource> generated,
                                         Map<String, RuleOrigin> origins) {
        Matcher matcher = QUOTED_RULE.matcher(message.getText());
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            RuleOrigin origin = origins.get(name);
            if (origin != null) {
                String cell = origin.row() == null ? null : "A" + origin.row();
                return origin.sheet() == null
                        ? new RuleSetProblem(origin.workbook(), null, null, firstLine(message.getText()))
                        : RuleSetProblem.of(origin.workbook(), origin.sheet(), cell, "workbook.compile.rule",
                                firstLine(message.getText()));
            }
        }
        SheetSource sheet = generated.entrySet().stream()
                .filter(e -> message.getPath() != null && e.getKey().endsWith(message.getPath()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (sheet != null) {
            return RuleSetProblem.of(sheet.workbook(), sheet.sheet(), valuesCell(sheet.drl(), message.getLine()),
                    "workbook.compile.rule", firstLine(message.getText()));
        }
        String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^.*/", "");
        String line = message.getLine() > 0 && path.endsWith(".drl") ? Texts.of("workbook.compile.drl-line", message.getLine()) : null;
        return new RuleSetProblem(path, null, line, firstLine(message.getText()));
    }

    /** The cell holding the values of the generated rule at or before a DRL line ({@code // rule values at B12}). */
    private static String valuesCell(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher values = VALUES_AT.matcher(lines[i]);
            if (values.find()) {
                return values.group(1);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    /** The version of a rule set: SHA-256 over its files' kinds, names and contents in a fixed order. */
    static String hash(List<RuleSetFile> files) {
        return sha256(digest -> files.stream()
                .sorted(Comparator.comparing((RuleSetFile f) -> f.kind()).thenComparing(RuleSetFile::name))
                .forEach(f -> {
                    digest.update((f.kind() + "/" + f.name()).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(f.content());
                }));
    }

    /** SHA-256, in hex, of what {@code input} feeds the digest. */
    static String sha256(Consumer<MessageDigest> input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            input.accept(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
