package tw.yanshou.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on the API's creating requests ({@code POST /api/…}): the first answer (2xx) is kept per
 * caller and key; a repeat of the same request gets it again (with {@code Idempotent-Replayed: true}) and creates
 * nothing; the same key with another request is a 422; a repeat while the first is still being answered a 409. A
 * request that failed keeps nothing, so it may be sent again. Keys are kept for a day. Runs after authentication,
 * so that keys are the caller's own.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration KEPT = Duration.ofDays(1);
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    private final JdbcClient jdbc;

    public IdempotencyFilter(JdbcClient jdbc) { this.jdbc = jdbc; }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // an event with files (multipart) is not held in memory to compare: the same event twice is refused (409) anyway
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    private record Kept(String method, String path, String requestHash, Integer status, String location,
                        String contentType, String body, boolean abandoned) { }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            Problems.write(response, 400, "invalid", "Idempotency-Key is not valid",
                    "Idempotency-Key: 1 to 200 visible ASCII characters, e.g. a UUID");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String actor = auth.getName();
        byte[] body = request.getInputStream().readAllBytes();   // bounded by the size filter before this one
        String path = request.getRequestURI();
        String hash = sha256(request.getMethod() + " " + path + "\n" + new String(body, StandardCharsets.ISO_8859_1));
        jdbc.sql("delete from idempotency_key where created_at < now() - make_interval(secs => ?)")
                .param(KEPT.toSeconds()).update();
        for (int attempt = 0; !claim(actor, key, request.getMethod(), path, hash); attempt++) {
            Kept kept = kept(actor, key).orElse(null);
            if (kept != null && !kept.requestHash().equals(hash)) {
                Problems.write(response, 422, "invalid", "Idempotency-Key used for another request",
                        "this Idempotency-Key was sent with another request (" + kept.method() + " " + kept.path()
                                + "); use a new key for a new request");
                return;
            }
            if (kept != null && kept.status() != null) {
                response.setStatus(kept.status());
                response.setHeader("Idempotent-Replayed", "true");
                if (kept.location() != null) response.setHeader("Location", kept.location());
                if (kept.contentType() != null) response.setContentType(kept.contentType());
                if (kept.body() != null) response.getOutputStream().write(kept.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (kept != null && !kept.abandoned() || attempt > 0) {
                response.setHeader("Retry-After", "1");
                Problems.write(response, 409, "conflict", "The first request with this key is still being answered",
                        "a request with this Idempotency-Key is still being answered; send it again in a moment");
                return;
            }
            // the first request with this key was abandoned (the server stopped while answering it): take it over
            jdbc.sql("delete from idempotency_key where actor = ? and key = ? and status is null").params(actor, key).update();
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayable(request, body), answer);
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                jdbc.sql("update idempotency_key set status = ?, location = ?, content_type = ?, body = ? where actor = ? and key = ?")
                        .params(answer.getStatus(), answer.getHeader("Location"), answer.getContentType(),
                                new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8), actor, key).update();
                kept = true;
            }
        } finally {
            if (!kept) jdbc.sql("delete from idempotency_key where actor = ? and key = ?").params(actor, key).update();
            answer.copyBodyToResponse();
        }
    }

    private boolean claim(String actor, String key, String method, String path, String hash) {
        return jdbc.sql("insert into idempotency_key (actor, key, method, path, request_hash) values (?, ?, ?, ?, ?) "
                        + "on conflict (actor, key) do nothing")
                .params(actor, key, method, path, hash).update() == 1;
    }

    private Optional<Kept> kept(String actor, String key) {
        return jdbc.sql("select method, path, request_hash, status, location, content_type, body, "
                        + "created_at < now() - make_interval(secs => ?) from idempotency_key where actor = ? and key = ?")
                .params(ABANDONED.toSeconds(), actor, key)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8))).optional();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and offered again to whoever reads it next. */
    private static final class Replayable extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public long getContentLengthLong() { return body.length; }
    }
}
