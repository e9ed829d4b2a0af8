package tw.yanshou.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;


/** A signed-in user: password hash, roles and (for vendor users) the vendor. */
record YanshouUser(String username, String passwordHash, Actor actor, boolean enabled) implements UserDetails {
    @Override public Collection<? extends GrantedAuthority> getAuthorities() { return authorities(actor); }

    @Override public String getPassword() { return passwordHash; }

    @Override public String getUsername() { return username; }

    @Override public boolean isEnabled() { return enabled; }

    static List<SimpleGrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
