package tw.yanshou.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.web.Problems;

/**
 * The engine's REST API changes nothing by default: administrators may read through it (GET), but a change of a
 * process past Yanshou — a message, a variable such as {@code PUT …/variables/penalty}, a task completion — would
 * bypass the event log and the audit. An operations setting ({@code yanshou.engine-rest.writes-enabled}) opens
 * writes for emergencies; every write through it is then audited ({@code ENGINE_REST_WRITE}) before it runs.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestWrites {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** After Spring Security's chain: only administrators get here. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestWriteFilter(
            @Value("${yanshou.engine-rest.writes-enabled:false}") boolean writesEnabled, AuditLog audit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (READS.contains(request.getMethod())) {
                    chain.doFilter(request, response);
                    return;
                }
                if (!writesEnabled) {
                    Problems.write(response, 403, "forbidden", "The engine's REST API is read-only",
                            "record events and complete tasks through Yanshou (/api), so that the event log and the audit "
                                    + "see every change; operators may open writes with yanshou.engine-rest.writes-enabled");
                    return;
                }
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                audit.record(auth == null ? "anonymous" : auth.getName(), "ENGINE_REST_WRITE", null,
                        Map.of("method", request.getMethod(), "path", request.getRequestURI()));
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(0);
        return registration;
    }
}
