package tw.yanshou.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second step of signing in ({@code POST /login/mfa}) and its end: a user who passed the password
 * ({@link PasswordOnly}) gives a code of their authenticator app or a recovery code, within the same limits as
 * passwords ({@link SignInThrottle}: per account and per address; each attempt in {@link SignInHistory}, step MFA).
 * Passed, the session gets a new id and the full sign-in: the roles and the factors passed
 * ({@code FACTOR_PASSWORD}, {@code FACTOR_TOTP} / {@code FACTOR_RECOVERY_CODE} / {@code FACTOR_PASSKEY}).
 */
@Component
public class SecondFactorSignIn {
    public static final String FACTOR_TOTP = "FACTOR_TOTP", FACTOR_RECOVERY_CODE = "FACTOR_RECOVERY_CODE",
            FACTOR_PASSKEY = "FACTOR_PASSKEY";
    private final SecondFactors factors;
    private final SignInThrottle throttle;
    private final SignInHistory history;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache saved = new HttpSessionRequestCache();

    SecondFactorSignIn(SecondFactors factors, SignInThrottle throttle, SignInHistory history) {
        this.factors = factors;
        this.throttle = throttle;
        this.history = history;
    }

    /** The outcome of a code: passed (go to {@code target}), wrong, or too many failures. */
    public record Outcome(Result result, String target) { }

    public enum Result { PASSED, WRONG, LOCKED, NOT_PENDING }

    /** Who passed the password and waits for the second step, and whether they have a factor to give. */
    public record Pending(Actor actor, boolean enrolled) { }

    public Optional<Pending> pending() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof PasswordOnly p ? Optional.of(new Pending(p.user().actor(), p.enrolled())) : Optional.empty();
    }

    /** The second step with {@code code} (an authenticator-app code or a recovery code). */
    public Outcome attempt(String code, HttpServletRequest request, HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnly p) || !p.enrolled())
            return new Outcome(Result.NOT_PENDING, "/login");
        String username = p.user().username();
        SignInHistory.Client client = client(p, request);
        Instant now = throttle.now();
        if (throttle.blockedUntil(username, client.address()).isPresent()) {
            history.record(now, username, client, SignInHistory.MFA, SignInHistory.THROTTLED);
            return new Outcome(Result.LOCKED, "/login/mfa?locked");
        }
        Optional<SecondFactors.Accepted> accepted = factors.verify(p.user().actor(), code);
        if (accepted.isEmpty()) {
            throttle.failed(username, client.address());
            history.record(now, username, client, SignInHistory.MFA, SignInHistory.FAILED);
            return new Outcome(Result.WRONG, "/login/mfa?error");
        }
        history.record(now, username, client, SignInHistory.MFA, SignInHistory.SUCCESS);
        String factor = accepted.get() == SecondFactors.Accepted.TOTP ? FACTOR_TOTP : FACTOR_RECOVERY_CODE;
        return new Outcome(Result.PASSED, complete(p.user(), factor, p.getDetails(), request, response));
    }

    /**
     * After enrolment in a password-only session: the code that confirmed the new authenticator app was the second
     * factor. Returns where to go next.
     */
    public String enrolled(HttpServletRequest request, HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnly p)) return null;
        history.record(throttle.now(), p.user().username(), client(p, request), SignInHistory.MFA, SignInHistory.SUCCESS);
        return complete(p.user(), FACTOR_TOTP, p.getDetails(), request, response);
    }

    /** A sign-in with a passkey alone (phishing-resistant by itself): recorded, and the full sign-in in a new session id. */
    void passkey(YanshouUser user, HttpServletRequest request, HttpServletResponse response) {
        history.record(throttle.now(), user.username(), SignInHistory.Client.of(request), SignInHistory.PASSKEY, SignInHistory.SUCCESS);
        List<GrantedAuthority> authorities = new ArrayList<>(YanshouUser.authorities(user.actor()));
        authorities.add(new SimpleGrantedAuthority(FACTOR_PASSKEY));
        signIn(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities), request, response);
        throttle.succeeded(user.username());
    }

    /** The full sign-in in a new session id; where the user was going (staff) or the portal (vendors). */
    String complete(YanshouUser user, String factor, Object details, HttpServletRequest request, HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>(YanshouUser.authorities(user.actor()));
        authorities.add(new SimpleGrantedAuthority(PasswordOnly.FACTOR_PASSWORD));
        authorities.add(new SimpleGrantedAuthority(factor));
        var full = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        full.setDetails(details);
        signIn(full, request, response);
        throttle.succeeded(user.username());
        SavedRequest was = saved.getRequest(request, response);
        saved.removeRequest(request, response);
        if (!user.actor().isStaff()) return "/portal";
        return was == null ? "/" : was.getRedirectUrl();
    }

    /** A new session id (against fixation), the authentication in it, where the session began. */
    void signIn(Authentication full, HttpServletRequest request, HttpServletResponse response) {
        request.getSession();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (full.getDetails() instanceof ThrottledSignIn.Details d) request.getSession().setAttribute(Sessions.CLIENT, d.client());
        else request.getSession().setAttribute(Sessions.CLIENT, SignInHistory.Client.of(request));
    }

    private static SignInHistory.Client client(PasswordOnly p, HttpServletRequest request) {
        return SignInHistory.Client.of(request);
    }
}
