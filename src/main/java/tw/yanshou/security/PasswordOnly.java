package tw.yanshou.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user who gave the right password and must still pass a second factor (the pattern of Spring Security's MFA
 * samples for 6.x: a partial authentication). It carries no role, only {@code FACTOR_PASSWORD}, so no page or API
 * that asks for a role opens; {@link SecondFactorGate} sends it to {@code /login/mfa} (or, with no factor yet, to
 * {@code /account/mfa} to enrol) and lets nothing else through.
 */
final class PasswordOnly extends AbstractAuthenticationToken {
    static final String FACTOR_PASSWORD = "FACTOR_PASSWORD";
    private final YanshouUser user;
    private final boolean enrolled;

    PasswordOnly(YanshouUser user, boolean enrolled, Object details) {
        super(List.of(new SimpleGrantedAuthority(FACTOR_PASSWORD)));
        this.user = user;
        this.enrolled = enrolled;
        setDetails(details);
        setAuthenticated(true);
    }

    /** Whether the user has a second factor (else: enrol one first). */
    boolean enrolled() { return enrolled; }

    YanshouUser user() { return user; }

    @Override public Object getCredentials() { return null; }

    @Override public Object getPrincipal() { return user; }
}
