package tw.yanshou.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A session ends {@code yanshou.session.absolute-timeout} after it began (12 hours by default), however busy it is:
 * the next request finds it gone and signs in again. The idle timeout (30 minutes) is the session store's own.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {
    private final Duration lifetime;
    private final java.util.function.LongSupplier now;

    AbsoluteSessionTimeout(Duration lifetime, java.util.function.LongSupplier nowMillis) {
        this.lifetime = lifetime;
        this.now = nowMillis;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && now.getAsLong() - session.getCreationTime() > lifetime.toMillis()) session.invalidate();
        chain.doFilter(request, response);
    }
}
