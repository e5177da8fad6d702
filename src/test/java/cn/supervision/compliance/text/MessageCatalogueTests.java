package cn.supervision.compliance.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.curriculum.CurriculumSubject;
import cn.supervision.compliance.evaluation.Decision;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.targets.DistrictSubject;
import cn.supervision.compliance.targets.ProvinceSubject;

/**
 * The message catalogue is complete in Chinese: every text a person reads has Chinese words, every code the code asks
 * for exists, every request field has a Chinese name, and the English catalogue says the same with the same arguments.
 */
class MessageCatalogueTests {

    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    /** A catalogue code written in the source: {@code "input.county.stage-twice"}, {@code "not-found.batch"}… */
    private static final Pattern CODE_IN_SOURCE = Pattern.compile(
            "\"((?:input|problem|not-found|field|school-type|stage|template|result|workbook|test-case|trace|report)\\.[A-Za-z0-9.\\-_]*[A-Za-z0-9_])\"");

    private final Properties chinese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void everyMessageHasChineseText() {
        Set<String> withoutChinese = chinese.stringPropertyNames().stream()
                .filter(key -> !CHINESE.matcher(chinese.getProperty(key)).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(withoutChinese).isEmpty();
    }

    @Test
    void englishSaysTheSameWithTheSameArguments() {
        Set<String> expected = chinese.stringPropertyNames().stream().filter(key -> !key.startsWith("field."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(expected);
        for (String key : expected) {
            assertThat(arguments(english.getProperty(key))).as(key).isEqualTo(arguments(chinese.getProperty(key)));
        }
    }

    @Test
    void everyCodeTheSourceAsksForIsInTheCatalogue() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher code = CODE_IN_SOURCE.matcher(Files.readString(source));
                while (code.find()) {
                    asked.add(code.group(1));
                }
            }
        }
        for (SchoolType type : SchoolType.values()) {
            asked.add("school-type." + type);
        }
        for (Stage stage : Stage.values()) {
            asked.add("stage." + stage);
        }
        for (Verdict verdict : Verdict.values()) {
            asked.add("trace.verdict." + verdict);
        }
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            asked.add("result.outcome." + outcome);
        }
        for (TraceStep.Kind kind : TraceStep.Kind.values()) {
            asked.add("report.kind." + kind);
        }
        asked.removeIf(code -> code.endsWith("."));
        assertThat(asked).isNotEmpty();
        assertThat(asked.stream().filter(code -> !chinese.containsKey(code)).toList()).isEmpty();
    }

    /** Every field of every request, as a problem names it (its last path segment), has a Chinese name and unit. */
    @Test
    void everyRequestFieldHasAChineseName() {
        Set<String> unnamed = new TreeSet<>();
        for (Class<?> record : requestRecords()) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (!chinese.containsKey("field." + component.getName())) {
                    unnamed.add(record.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(String.join(" ", unnamed)).isEmpty();
    }

    /** Every constraint on a request field has its message in Chinese (not Hibernate Validator's "不能为null"). */
    @Test
    void everyConstraintOnARequestHasAChineseMessage() {
        Properties validation = load("ValidationMessages_zh.properties");
        Set<String> missing = new TreeSet<>();
        for (Class<?> record : requestRecords()) {
            for (RecordComponent component : record.getRecordComponents()) {
                Stream.concat(Stream.of(field(record, component).getAnnotations()),
                                Stream.of(component.getAnnotatedType().getAnnotations()))
                        .flatMap(annotation -> constraintKey(annotation).stream())
                        .filter(key -> !validation.containsKey(key))
                        .forEach(missing::add);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Optional<String> constraintKey(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        return type.getPackageName().equals("jakarta.validation.constraints") && !type.getSimpleName().equals("Valid")
                ? Optional.of(type.getName() + ".message") : Optional.empty();
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request envelope and every record reachable from the subjects of the rule sets. */
    private static Set<Class<?>> requestRecords() {
        Set<Class<?>> found = new HashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(EvaluationRequest.class, CountySubject.class,
                CurriculumSubject.class, DistrictSubject.class, ProvinceSubject.class));
        while (!open.isEmpty()) {
            Class<?> record = open.pop();
            if (!record.isRecord() || !found.add(record)) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                open.push(component.getType());
                collect(component.getGenericType(), open);
            }
        }
        return found;
    }

    private static void collect(Type type, Deque<Class<?>> open) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> c) {
                    open.push(c);
                }
                collect(argument, open);
            }
        }
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(message);
        while (argument.find()) {
            found.add(argument.group(1));
        }
        return found;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageCatalogueTests.class.getResourceAsStream("/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
