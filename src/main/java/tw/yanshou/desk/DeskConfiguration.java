package tw.yanshou.desk;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import tw.yanshou.security.CurrentActor;

/**
 * The pages' language: Chinese (Taiwan) unless the browser asks for English, and whatever the user picks with the
 * switch ({@code ?lang=en}, {@code ?lang=zh-TW}), kept in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration implements WebMvcConfigurer {
    static final Locale CHINESE = Locale.TAIWAN;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    private final CurrentActor actor;

    DeskConfiguration(CurrentActor actor) { this.actor = actor; }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("yanshou-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            // no Accept-Language: the container would answer with its own default locale, not the office's
            if (request.getHeader("Accept-Language") == null) return CHINESE;
            for (java.util.Enumeration<Locale> e = request.getLocales(); e.hasMoreElements(); ) {
                Locale asked = e.nextElement();
                if (asked.getLanguage().equals("en")) return Locale.ENGLISH;
                if (asked.getLanguage().equals("zh")) return CHINESE;
            }
            return CHINESE;
        });
        return resolver;
    }

    /** Only the two languages there are; anything else falls back to Chinese. */
    static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new Chrome(actor));
    }
}
