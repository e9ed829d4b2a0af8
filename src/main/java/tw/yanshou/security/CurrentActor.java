package tw.yanshou.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;


/** The authenticated caller as an {@link Actor}. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) throw new InsufficientAuthenticationException("not signed in");
        if (auth.getPrincipal() instanceof Actor actor) return actor;
        if (auth.getPrincipal() instanceof YanshouUser user) return user.actor();
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new Actor(auth.getName(), roles, null);
    }
}
