package tw.yanshou.security;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.web.Problems;

/**
 * Nothing opens to a password-only session ({@link PasswordOnly}) but the second step: {@code /login/mfa} for a user
 * with a factor, {@code /account/mfa} (enrolling an authenticator app) for one without, signing in with a passkey
 * instead, signing out, and the style sheets and scripts. A page asked for is a redirect there; anything else
 * (a form, the Camunda webapps' calls) is 403. Registering a passkey is never open to it: a password alone must not
 * make a factor that would later sign in by itself.
 */
class SecondFactorGate extends OncePerRequestFilter {
    private final org.springframework.beans.factory.ObjectProvider<Accounts> accounts;
    private final org.springframework.beans.factory.ObjectProvider<SecondFactorSignIn> signIn;

    SecondFactorGate(org.springframework.beans.factory.ObjectProvider<Accounts> accounts,
                     org.springframework.beans.factory.ObjectProvider<SecondFactorSignIn> signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    private static final List<String> ALWAYS = List.of("/logout", "/error", "/favicon.ico", "/login/webauthn",
            "/login/webauthn.js", "/webauthn/authenticate/options");
    private static final Predicate<String> STATIC = p -> p.startsWith("/css/") || p.startsWith("/js/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof WebAuthnAuthentication passkey && !passkeySignIn(passkey, request, response)) return;
        auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof PasswordOnly p)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = ALWAYS.contains(path) || STATIC.test(path)
                || (p.enrolled() ? path.equals("/login/mfa")
                                 : path.equals("/account/mfa") || path.startsWith("/account/mfa/totp"));
        if (open) {
            chain.doFilter(request, response);
            return;
        }
        String next = p.enrolled() ? "/login/mfa" : "/account/mfa";
        if ("GET".equals(request.getMethod()) && !path.startsWith("/camunda/api/")) {
            response.sendRedirect(request.getContextPath() + next);
        } else {
            Problems.write(response, 403, "second-factor-required", "Second factor required",
                    "pass the second factor at " + next + " first");
        }
    }

    /**
     * The first request after a sign-in with a passkey (Spring Security's filter answered it with JSON): the user's
     * own sign-in in a new session id — roles and vendor as our users carry them, {@code FACTOR_PASSKEY} — or, for a
     * disabled or removed account, no sign-in at all.
     */
    private boolean passkeySignIn(WebAuthnAuthentication passkey, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        YanshouUser user;
        try {
            user = accounts.getObject().loadUserByUsername(passkey.getName());
        } catch (UsernameNotFoundException gone) {
            user = null;
        }
        if (user == null || !user.enabled()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login?error");
            return false;
        }
        signIn.getObject().passkey(new YanshouUser(user.username(), "", user.actor(), true), request, response);
        return true;
    }
}
