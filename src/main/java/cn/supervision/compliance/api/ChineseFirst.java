package cn.supervision.compliance.api;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.supervision.compliance.text.Texts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language of every answer: Chinese, whatever the request's headers say, and English only when the request's
 * first choice in {@code Accept-Language} is English ({@code en}, {@code en-US}…). The request is seen with that one
 * locale by everything after this filter (Spring's locale context, the security handlers, validation messages), so
 * the rule is decided here once. A header that cannot be read counts as no choice.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChineseFirst extends OncePerRequestFilter {

    static Locale languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return Texts.CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).matches("en(-.*)?")
                    ? Locale.ENGLISH : Texts.CHINESE;
        } catch (IllegalArgumentException unreadable) {
            return Texts.CHINESE;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = languageOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Locale getLocale() {
                return locale;
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(List.of(locale));
            }
        }, response);
    }
}
