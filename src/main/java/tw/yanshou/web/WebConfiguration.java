package tw.yanshou.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The filters of the web module that need a place in the servlet filter chain of their own. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Tomcat's own refusals as problem bodies (see {@link ProblemErrorReportValve}). */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory>
            problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host)
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }

    /** After Spring Security's chain (order -100): the caller is known, and refused callers never get here. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
