package cn.supervision.compliance.text;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;

/**
 * Spring's {@code messageSource} is the catalogue of {@link Texts}: one catalogue, whoever reads it. Bean Validation
 * writes its messages ({@code ValidationMessages_zh.properties}, Chinese; English in the base file) in the language of the
 * answer too, on request threads and batch threads alike.
 */
@Configuration(proxyBeanMethods = false)
class TextConfig {

    @Bean
    MessageSource messageSource() {
        return Texts.messageSource();
    }

    @Bean
    static LocalValidatorFactoryBean defaultValidator() {
        MessageInterpolator provider = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setMessageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return provider.interpolate(template, context, Texts.locale());
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return provider.interpolate(template, context, Texts.locale());
            }
        });
        return validator;
    }
}
