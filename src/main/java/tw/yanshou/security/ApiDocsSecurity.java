package tw.yanshou.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tw.yanshou.web.Problems;

/**
 * Who reads the API's documentation (Swagger UI, the OpenAPI document; ASVS 5.0 13.4.5): a filter chain of its own,
 * beside those of {@link SecurityConfiguration}. Staff, signed in (a session, within the absolute timeout) or with a
 * bearer token; {@code yanshou.api-docs.public=true} opens it to everyone. A browser without a session goes to the
 * sign-in page, other callers get 401; vendors 403.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, Accounts accounts, SignInThrottle throttle,
                                @Value("${yanshou.api-docs.public:false}") boolean open,
                                @Value("${yanshou.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(browsers, new LoginUrlAuthenticationEntryPoint("/login"));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint((req, res, ex) -> Problems.write(res, 401, "unauthenticated", "Not signed in",
                "sign in as staff, or send Authorization: Bearer <token> (staff)"));
        return http.securityMatcher(new OrRequestMatcher(SecurityConfiguration.path("/swagger-ui.html"),
                        SecurityConfiguration.path("/swagger-ui/**"), SecurityConfiguration.path("/v3/api-docs"),
                        SecurityConfiguration.path("/v3/api-docs/**")))
                .addFilterBefore(new AbsoluteSessionTimeout(absoluteTimeout, () -> throttle.now().toEpochMilli()),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    if (open) a.anyRequest().permitAll();
                    else a.anyRequest().hasAnyRole(Actor.ADMIN, Actor.OFFICER);
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .headers(ResponseHeaders.policy())
                .build();
    }
}
