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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

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

    /** The DRL generated from a rule sheet, by the SHA-256 of its cells. */
    private final BoundedCache<String, String> sheetTexts = new BoundedCache<>(64);
    /** The compiled packages of a DRL text, by the SHA-256 of its path and text. */
    private final BoundedCache<String, byte[]> compiledTexts = new BoundedCache<>(64);

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
                ruleSheets(file, problems).forEach((sheet, text) -> {
                    String path = folder + "table" + generated.size() + ".drl";
                    generated.put(path, new SheetSource(file.name(), sheet, text));
                    index(text, name -> new RuleOrigin(name, file.name(), sheet, row(name)), origins);
                });
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

    /**
     * Builds the rule base of {@code input} under a version hash computed from the files as they were uploaded. Each
     * DRL text (one per rule sheet, one per DRL file) is compiled into packages of its own, kept by the SHA-256 of its
     * path and text: a rebuild after a one-cell edit compiles the one changed sheet and reads the others' compiled
     * form (issue 21: rebuild ≤ 0.5 s). Rules keep the load order one build of all texts gives them.
     */
    CompiledRuleSet compile(CompilerInput input, String version, List<String> files, RowCatalogue texts) {
        // engine lane (issue 21, part 4): -Dcompliance.rules.executable-model=true builds with Drools' executable model
        // instead of MVEL-interpreted constraints, for the comparison in docs/performance.md; MVEL stays the default
        KieBase kieBase = Boolean.getBoolean("compliance.rules.executable-model") ? executableModel(input, version)
                : fromPackages(input);
        // milliseconds: the time survives the database (RuleBaseCache) unchanged
        return new CompiledRuleSet(input.ruleSet(), version, Instant.now().truncatedTo(ChronoUnit.MILLIS), files, kieBase,
                Map.copyOf(input.origins()), texts);
    }

    private KieBase fromPackages(CompilerInput input) {
        List<RuleSetProblem> problems = new ArrayList<>();
        List<byte[]> compiled = new ArrayList<>();
        input.texts().forEach((path, text) -> {
            String key = sha256(digest -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            });
            byte[] packages = compiledTexts.get(key);
            if (packages == null) {
                packages = compileText(path, text, input, problems);
                if (packages != null) {
                    compiledTexts.put(key, packages);
                }
            }
            compiled.add(packages);
        });
        if (!problems.isEmpty()) {
            throw new RuleSetRejected(input.ruleSet(), problems);
        }
        List<InternalKnowledgePackage> packages = new ArrayList<>();
        Map<String, Integer> rulesBefore = new HashMap<>();
        try {
            for (byte[] bytes : compiled) {
                for (InternalKnowledgePackage pkg : RulePackages.read(bytes, false)) {
                    // each text numbers its rules from 0; in one package they follow on in the order of the texts
                    int offset = rulesBefore.getOrDefault(pkg.getName(), 0);
                    pkg.getRules().forEach(rule -> ((RuleImpl) rule).setLoadOrder(offset + ((RuleImpl) rule).getLoadOrder()));
                    rulesBefore.put(pkg.getName(), offset + pkg.getRules().size());
                    packages.add(pkg);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a package this compiler wrote could not be read back", e);
        }
        return RulePackages.ruleBase(packages);
    }

    /** The packages of one DRL text as bytes, or null with its errors added to {@code problems}. */
    private static byte[] compileText(String path, String text, CompilerInput input, List<RuleSetProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RulePackages.loader()));
        builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(path),
                ResourceType.DRL);
        List<KnowledgeBuilderResult> errors = List.copyOf(builder.getResults(ResultSeverity.ERROR));
        if (!errors.isEmpty()) {
            errors.forEach(error -> problems.add(locate(error.getMessage(), path,
                    error.getLines().length == 0 ? 0 : error.getLines()[0], input.generated(), input.origins())));
            return null;
        }
        return RulePackages.write(builder.getKnowledgePackages().stream()
                .map(InternalKnowledgePackage.class::cast).toList(), false);
    }

    /** The whole rule base built at once by a {@link KieBuilder} with Drools' executable model. */
    private static KieBase executableModel(CompilerInput input, String version) {
        List<RuleSetProblem> problems = new ArrayList<>();
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fileSystem = kie.newKieFileSystem();
        input.texts().forEach(fileSystem::write);
        ReleaseId releaseId = kie.newReleaseId("cn.supervision.rules", input.ruleSet(), "1.0.0-" + version);
        fileSystem.generateAndWritePomXML(releaseId);
        KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(message.getText(), message.getPath(), message.getLine(), input.generated(),
                    input.origins()));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejected(input.ruleSet(), problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // the built base stands on its own; keep no copy of every version in the global repository
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    record SheetSource(String workbook, String sheet, String drl) {
    }

    /**
     * The DRL of each sheet of a compiler workbook that holds a {@code RuleSet} cell, in sheet order. A sheet whose
     * cells were compiled before (same SHA-256 of its cells) is not compiled again; the others are parsed in one pass.
     */
    private Map<String, String> ruleSheets(RuleSetFile file, List<RuleSetProblem> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                if (declaresRuleSet(sheet)) {
                    keys.put(sheet.getSheetName(), cellsHash(sheet));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.of(file.name(), null, null, "workbook.compile.not-xlsx"));
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        keys.forEach((sheet, key) -> {
            String text = sheetTexts.get(key);
            texts.put(sheet, text);
            if (text == null) {
                missing.add(sheet);
            }
        });
        Map<String, String> compiled = compileSheets(file, missing, problems);
        compiled.forEach((sheet, text) -> sheetTexts.put(keys.get(sheet), text));
        texts.putAll(compiled);
        texts.values().removeIf(Objects::isNull);
        return texts;
    }

    /** SHA-256 of what the spreadsheet compiler reads of a sheet: its name, its cells' positions and text, merges. */
    private static String cellsHash(Sheet sheet) {
        return sha256(digest -> {
            digest.update(sheet.getSheetName().getBytes(StandardCharsets.UTF_8));
            for (Row row : sheet) {
                for (Cell cell : row) {
                    digest.update((byte) 0);
                    digest.update((row.getRowNum() + ":" + cell.getColumnIndex() + ":" + cell.getCellType() + ":"
                            + cell).getBytes(StandardCharsets.UTF_8));
                }
            }
            sheet.getMergedRegions().forEach(region ->
                    digest.update(("|" + region.formatAsString()).getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** The DRL of {@code sheets} of one workbook, parsed in one pass; a sheet that fails is compiled alone to name it. */
    private static Map<String, String> compileSheets(RuleSetFile file, List<String> sheets,
                                                     List<RuleSetProblem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (sheets.isEmpty()) {
            return texts;
        }
        Map<String, DefaultRuleSheetListener> listeners = new LinkedHashMap<>();
        Map<String, List<DataListener>> bySheet = new HashMap<>();
        for (String sheet : sheets) {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            listener.setWorksheetName(sheet);
            listeners.put(sheet, listener);
            bySheet.put(sheet, List.of(listener));
        }
        try {
            new ExcelParser(bySheet).parseFile(new ByteArrayInputStream(file.content()));
            SpreadsheetCompiler compiler = new SpreadsheetCompiler();
            listeners.forEach((sheet, listener) -> texts.put(sheet, compiler.listenerToString(listener)));
        } catch (RuntimeException e) {
            texts.clear();
            for (String sheet : sheets) {
                String text = compileSheet(file, sheet, problems);
                if (text != null) {
                    texts.put(sheet, text);
                }
            }
        }
        return texts;
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
    private static RuleSetProblem locate(String text, String messagePath, int messageLine,
                                         Map<String, SheetSource> generated, Map<String, RuleOrigin> origins) {
        Matcher matcher = QUOTED_RULE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            RuleOrigin origin = origins.get(name);
            if (origin != null) {
                String cell = origin.row() == null ? null : "A" + origin.row();
                return origin.sheet() == null
                        ? new RuleSetProblem(origin.workbook(), null, null, firstLine(text))
                        : RuleSetProblem.of(origin.workbook(), origin.sheet(), cell, "workbook.compile.rule",
                                firstLine(text));
            }
        }
        SheetSource sheet = generated.entrySet().stream()
                .filter(e -> messagePath != null && e.getKey().endsWith(messagePath))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (sheet != null) {
            return RuleSetProblem.of(sheet.workbook(), sheet.sheet(), valuesCell(sheet.drl(), messageLine),
                    "workbook.compile.rule", firstLine(text));
        }
        String path = messagePath == null ? "" : messagePath.replaceFirst("^.*/", "");
        String line = messageLine > 0 && path.endsWith(".drl") ? Texts.of("workbook.compile.drl-line", messageLine) : null;
        return new RuleSetProblem(path, null, line, firstLine(text));
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
