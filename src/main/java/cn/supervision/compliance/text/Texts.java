package cn.supervision.compliance.text;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one catalogue of what a person reads ({@code messages.properties}, Chinese; {@code messages_en.properties},
 * English). Every user-facing sentence is a code looked up here, in the language of the request being answered:
 * Chinese unless the request asked for English ({@code api/ChineseFirst}); outside a request (start-up, batch
 * threads, tests), Chinese.
 */
public final class Texts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final ResourceBundleMessageSource CATALOGUE = catalogue();

    private Texts() {
    }

    /** The text of {@code code} with its arguments, in the language of the current request. */
    public static String of(String code, Object... arguments) {
        return CATALOGUE.getMessage(code, plain(arguments), locale());
    }

    /** The text of {@code code}, or of {@code fallbackCode} when the catalogue has no {@code code}. */
    public static String orElse(String code, String fallbackCode) {
        String text = CATALOGUE.getMessage(code, null, null, locale());
        return text != null ? text : of(fallbackCode);
    }

    /**
     * The Chinese name (and unit) of a request field, by its last path segment ({@code field.students}); in English,
     * or when the catalogue has no name for it, the field path itself.
     */
    public static String fieldName(String field) {
        Locale locale = locale();
        if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
            return field;
        }
        String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return CATALOGUE.getMessage("field." + name, null, field, locale);
    }

    /** The name and unit of a request field apart (see {@link #fieldName}): 教学仪器设备值, 元. */
    public static FieldName field(String field) {
        String name = fieldName(field);
        return name.equals(field) ? new FieldName(field, null) : FieldName.parse(name);
    }

    /** The catalogue as Spring's {@link MessageSource}, for the web edge and Spring's own problem bodies. */
    public static MessageSource messageSource() {
        return CATALOGUE;
    }

    /** The language of the answer being written: the request's ({@code api/ChineseFirst}), else Chinese. */
    public static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null ? CHINESE : LocaleContextHolder.getLocale();
    }

    /** Numbers as written (no grouping, no rounding): MessageFormat would print 810000 as "810,000". */
    private static Object[] plain(Object[] arguments) {
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof java.math.BigDecimal d ? d.toPlainString()
                    : arguments[i] instanceof Number n ? n.toString() : arguments[i];
        }
        return plain;
    }

    private static ResourceBundleMessageSource catalogue() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(CHINESE);
        return source;
    }
}
