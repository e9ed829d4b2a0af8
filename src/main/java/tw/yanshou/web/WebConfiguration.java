package tw.yanshou.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The filters of the web module that need a place in the servlet filter chain of their own. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** After Spring Security's chain (order -100): the caller is known, and refused callers never get here. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
