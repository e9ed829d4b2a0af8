package tw.yanshou.security;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tw.yanshou.web.Problems;


/**
 * Who may do what. The API ({@code /api/**}) takes bearer tokens; the process engine's REST API and webapps are
 * for administrators only (the webapps trust the Spring sign-in: container-based authentication); health stays
 * open for load balancers. The pages (tw.yanshou.desk) need a signed-in user: administration administrators, contracts
 * and tasks staff; the sign-in page is our own ({@code /login}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SignInSettings.class, MfaSettings.class})
class SecurityConfiguration {

    /** Paths served by servlets other than Spring MVC's (Jersey for the engine's REST API, the webapps' filters). */
    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher get(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern);
    }

    private static RequestMatcher post(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
    }

    private static String[] staff() { return Actor.STAFF.toArray(String[]::new); }

    private static String[] officers() { return Actor.OFFICERS.toArray(String[]::new); }

    @Bean
    PasswordEncoder passwordEncoder() { return PasswordHashing.encoder(); }

    /** The one way a password is checked (form and Basic alike), within the limits on failures. */
    @Bean
    AuthenticationProvider throttledSignIn(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
                                           SignInHistory history, SecondFactors factors) {
        return new ThrottledSignIn(accounts, encoder, throttle, history, factors);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts) throws Exception {
        return http.securityMatcher(path("/api/**"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                // the role matrix of the API (docs/security.md); what a role may record is Actor.mayRecord, which task
                // it may complete the task's candidate groups (Actor.groups)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/tokens/**", "/api/users/**", "/api/admin/**").hasRole(Actor.ADMIN)
                        .requestMatchers(get("/api/calendars/**")).hasAnyRole(staff())
                        .requestMatchers("/api/calendars/**").hasRole(Actor.ADMIN)
                        .requestMatchers(get("/api/tasks/**"), get("/api/tasks")).hasAnyRole(staff())
                        .requestMatchers("/api/tasks/**").hasAnyRole(Actor.ADMIN, Actor.OFFICER, Actor.INSPECTOR)
                        .requestMatchers(get("/api/approvals/**"), get("/api/approvals")).hasAnyRole(staff())
                        .requestMatchers("/api/approvals/**").hasRole(Actor.SUPERVISOR)
                        .requestMatchers(post("/api/contracts"), post("/api/contracts:batch"),
                                post("/api/contracts/*/events/*/void")).hasAnyRole(officers())
                        // the vendor acknowledges a delivery itself (another vendor's contract: 404 from the service)
                        .requestMatchers(post("/api/contracts/*/deliveries/*/acknowledgement")).hasRole(Actor.VENDOR)
                        .requestMatchers(post("/api/contracts/*/inspections/proposal"))
                        .hasAnyRole(Actor.ADMIN, Actor.OFFICER, Actor.INSPECTOR)
                        .requestMatchers(post("/api/contracts/*/events"))
                        .hasAnyRole(Actor.ADMIN, Actor.OFFICER, Actor.INSPECTOR, Actor.VENDOR)
                        // reading contracts: every role (a vendor its own, Actor.maySeeContractOf)
                        .requestMatchers(get("/api/contracts/**"), get("/api/contracts")).authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401, "unauthenticated",
                                "Not signed in", "send Authorization: Bearer <token>"))
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "forbidden", "Forbidden",
                                "your role may not do this")))
                .headers(ResponseHeaders.policy())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, Accounts accounts,
                                   @Value("${yanshou.engine-rest.basic-auth:false}") boolean basicAuth) throws Exception {
        http.securityMatcher(path("/engine-rest/**"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .headers(ResponseHeaders.policy())
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Actor.ADMIN))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401,
                        "unauthenticated", "Not signed in", "send Authorization: Bearer <token> (an administrator's)")));
        // a password alone would pass by the second factor: only where an operator turns it on, within the same limits
        if (basicAuth) http.httpBasic(b -> b.authenticationDetailsSource(ThrottledSignIn.Details.source(SignInHistory.BASIC)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, SignInThrottle throttle,
                            @Value("${yanshou.session.absolute-timeout:12h}") java.time.Duration absoluteTimeout,
                            org.springframework.beans.factory.ObjectProvider<Accounts> accounts,
                            org.springframework.beans.factory.ObjectProvider<SecondFactorSignIn> secondFactor,
                            org.springframework.beans.factory.ObjectProvider<Passkeys.RelyingParty> passkeys,
                            MfaSettings mfa) throws Exception {
        // passkeys (Spring Security's WebAuthn endpoints; its script at /login/webauthn.js) where the server has
        // the database they are kept in (not in the slices of other modules' tests)
        Passkeys.RelyingParty relyingParty = passkeys.getIfAvailable();
        if (relyingParty != null) http.webAuthn(w -> w.rpId(mfa.webauthn().rpId()).rpName(mfa.webauthn().rpName())
                .allowedOrigins(relyingParty.origins()).disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new Passkeys.CreationOptions()));
        // Spring Security serves its script only beside its own sign-in page; ours is our own, so serve it here
        if (relyingParty != null) http.addFilterBefore(
                org.springframework.security.web.authentication.ui.DefaultResourcesFilter.webauthn(),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http
                .addFilterBefore(new AbsoluteSessionTimeout(absoluteTimeout, () -> throttle.now().toEpochMilli()),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                // a password alone opens only the second step (or the enrolment of a first factor)
                .addFilterAfter(new SecondFactorGate(accounts, secondFactor), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                // the Camunda webapps protect themselves against CSRF with their own token (X-XSRF-TOKEN)
                .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/error", "/css/**", "/login", "/favicon.ico").permitAll()
                        .requestMatchers("/js/**", "/login/webauthn.js").permitAll()
                        .requestMatchers("/login/mfa", "/account", "/account/**").authenticated()
                        .requestMatchers(path("/camunda/**"), path("/actuator/**")).hasRole(Actor.ADMIN)
                        // the officers' desk, by the role matrix (docs/security.md): administration for administrators;
                        // registering and voiding for officers; results for inspectors too; approvals for supervisors;
                        // reading for all staff
                        .requestMatchers("/admin/**").hasRole(Actor.ADMIN)
                        .requestMatchers("/contracts/new", "/contracts/batch", "/contracts/*/events/*/void")
                        .hasAnyRole(officers())
                        .requestMatchers(post("/contracts/*/events"), post("/tasks/*/complete"))
                        .hasAnyRole(Actor.ADMIN, Actor.OFFICER, Actor.INSPECTOR)
                        .requestMatchers(post("/approvals/**")).hasRole(Actor.SUPERVISOR)
                        .requestMatchers("/contracts/**", "/contracts", "/tasks/**", "/tasks", "/approvals", "/approvals/**")
                        .hasAnyRole(staff())
                        // the vendor portal (tw.yanshou.portal): vendors only; staff get 403
                        .requestMatchers("/portal/**", "/portal").hasRole(Actor.VENDOR)
                        .anyRequest().authenticated())
                // our own sign-in page (tw.yanshou.desk); staff land where they were going or on the dashboard,
                // vendors on their portal
                .formLogin(f -> f.loginPage("/login").successHandler(signedIn()).failureHandler(notSignedIn())
                        .authenticationDetailsSource(ThrottledSignIn.Details.source(SignInHistory.PASSWORD)).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(ResponseHeaders.policy())
                .build();
    }

    /** Wrong (or unknown, or disabled) and too many failures: two answers, each the same for every user name. */
    private static AuthenticationFailureHandler notSignedIn() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof ThrottledSignIn.Throttled ? "/login?locked" : "/login?error"));
    }

    private static AuthenticationSuccessHandler signedIn() {
        SavedRequestAwareAuthenticationSuccessHandler staff = new SavedRequestAwareAuthenticationSuccessHandler();
        staff.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            // where the session began, for the user's list of sessions (/account)
            if (authentication.getDetails() instanceof ThrottledSignIn.Details d)
                request.getSession().setAttribute(Sessions.CLIENT, d.client());
            // the password alone: the second factor next (where the user was going stays saved for after it)
            if (authentication instanceof PasswordOnly p) {
                response.sendRedirect(request.getContextPath() + (p.enrolled() ? "/login/mfa" : "/account/mfa"));
                return;
            }
            boolean isStaff = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> Actor.STAFF.stream().anyMatch(r -> a.equals("ROLE_" + r)));
            if (isStaff) staff.onAuthenticationSuccess(request, response, authentication);
            else response.sendRedirect(request.getContextPath() + "/portal");
        };
    }

    /** The Camunda webapps take the user Spring Security signed in (single sign-on). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", RoleGroupsAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain, which signs the user in
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
