package tw.yanshou.security;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.web.Problems;

/** {@code Authorization: Bearer <token>}: the token's actor becomes the caller; an unknown token is refused with 401. */
class BearerTokenFilter extends OncePerRequestFilter {
    private final Accounts accounts;

    BearerTokenFilter(Accounts accounts) { this.accounts = accounts; }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Actor actor = accounts.authenticate(header.substring(7).trim()).orElse(null);
            if (actor == null) {
                Problems.write(response, 401, "unauthenticated", "Not signed in",
                        "the bearer token is unknown, revoked or expired");
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(actor, null, YanshouUser.authorities(actor));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
