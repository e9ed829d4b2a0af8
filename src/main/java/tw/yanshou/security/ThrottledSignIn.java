package tw.yanshou.security;

import java.time.Instant;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with a user name and password (the form at {@code /login}, and {@code /engine-rest} Basic where an operator
 * enabled it), within the limits of {@link SignInThrottle}, each attempt in {@link SignInHistory}. Whatever is wrong
 * (unknown user, wrong password, disabled account) the answer is the same, after the same work: an unknown user's
 * password is checked against a dummy hash (Spring's DaoAuthenticationProvider), a disabled user's against its own hash
 * before the account's status is looked at.
 */
class ThrottledSignIn implements AuthenticationProvider {
    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInHistory history;

    private final SecondFactors factors;

    ThrottledSignIn(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle, SignInHistory history,
                    SecondFactors factors) {
        this.factors = factors;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        // the password first, whether the account may sign in after: a disabled account costs what a wrong password does
        UserDetailsChecker statusChecks = new AccountStatusUserDetailsChecker();
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(statusChecks);
        // an older kind of hash is replaced at a successful sign-in (a service that keeps none leaves the user as is)
        this.passwords.setUserDetailsPasswordService((user, hash) -> {
            var updated = accounts.updatePassword(user, hash);
            return updated == null ? user : updated;
        });
        this.throttle = throttle;
        this.history = history;
    }

    /** Too many failures: try again at {@link #until()}. Said alike for known and unknown user names. */
    static final class Throttled extends AuthenticationException {
        private final transient Instant until;

        Throttled(Instant until) {
            super("too many failed sign-ins; try again later");
            this.until = until;
        }

        Instant until() { return until; }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        SignInHistory.Client client = authentication.getDetails() instanceof Details d ? d.client() : SignInHistory.Client.current();
        String step = authentication.getDetails() instanceof Details d ? d.step() : SignInHistory.PASSWORD;
        Instant now = throttle.now();
        var blocked = throttle.blockedUntil(username, client.address());
        if (blocked.isPresent()) {
            history.record(now, username, client, step, SignInHistory.THROTTLED);
            throw new Throttled(blocked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            history.record(now, username, client, step, SignInHistory.SUCCESS);
            // the session (kept in the database) holds who signed in, never the password hash
            if (result.getPrincipal() instanceof YanshouUser u) {
                YanshouUser user = new YanshouUser(u.username(), "", u.actor(), u.enabled());
                // the form: a second factor next, for whoever has one or must have one; the failures of this name
                // are forgotten only when it passed (wrong codes count as wrong passwords do)
                if (SignInHistory.PASSWORD.equals(step) && factors != null) {
                    boolean enrolled = factors.hasFactor(u.username());
                    if (enrolled || factors.required(u.actor())) return new PasswordOnly(user, enrolled, result.getDetails());
                }
                throttle.succeeded(username);
                var kept = UsernamePasswordAuthenticationToken.authenticated(user, null, result.getAuthorities());
                kept.setDetails(result.getDetails());
                return kept;
            }
            throttle.succeeded(username);
            return result;
        } catch (AccountStatusException disabled) {
            // the answer of a wrong password
            failed(now, username, client, step);
            throw new BadCredentialsException("Bad credentials");
        } catch (AuthenticationException e) {
            failed(now, username, client, step);
            throw e;
        }
    }

    private void failed(Instant now, String username, SignInHistory.Client client, String step) {
        throttle.failed(username, client.address());
        history.record(now, username, client, step, SignInHistory.FAILED);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Who asked and which way the password came (the form, or Basic on the engine's REST API). */
    record Details(SignInHistory.Client client, String step) implements java.io.Serializable {
        static org.springframework.security.authentication.AuthenticationDetailsSource<jakarta.servlet.http.HttpServletRequest, Details>
                source(String step) {
            return request -> new Details(SignInHistory.Client.of(request), step);
        }
    }
}
