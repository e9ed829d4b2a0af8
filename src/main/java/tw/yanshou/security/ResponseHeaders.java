package tw.yanshou.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tw.yanshou.web.SecurityHeaders;

/**
 * The security headers of every filter chain (values in {@link SecurityHeaders}): Content-Security-Policy (ours
 * everywhere but under {@code /camunda/**}, where the webapps' own filter writes the policy they need, and Swagger
 * UI's, which allows inline styles), nosniff,
 * {@code X-Frame-Options: DENY}, Referrer-Policy, Permissions-Policy, {@code Cross-Origin-Opener-Policy: same-origin}, {@code Cache-Control: no-store} (Spring
 * Security's default) and HSTS on requests that came over TLS (Spring Security's default matcher:
 * {@code request.isSecure()}, which Tomcat's RemoteIpValve sets from {@code X-Forwarded-Proto} of a trusted proxy
 * only). Spring Security writes a header only where the answer has none yet.
 */
final class ResponseHeaders {
    private ResponseHeaders() { }

    private static final RequestMatcher CAMUNDA = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    static Customizer<HeadersConfigurer<HttpSecurity>> policy() {
        return h -> h
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(CAMUNDA, SWAGGER_UI)),
                        new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                        new ContentSecurityPolicyHeaderWriter(SecurityHeaders.SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }
}
