package tw.yanshou.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A database that cannot be reached, found before any controller answers (while a token or a session is checked):
 * a prompt 503 problem body, never a 500 or a hang.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!causedByUnreachableDatabase(e) || response.isCommitted()) throw e;
            response.resetBuffer();
            response.setHeader("Retry-After", "10");
            Problems.write(response, 503, "unavailable", "The database is not available",
                    "the server cannot reach its database at the moment; nothing was changed; try again later");
        }
    }

    private static boolean causedByUnreachableDatabase(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof DataAccessResourceFailureException) return true;
        return false;
    }
}
