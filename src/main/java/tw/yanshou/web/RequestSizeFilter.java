package tw.yanshou.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every request body of the API before anything reads it: a declared {@code Content-Length} over the limit
 * is answered 413 at once, without reading a byte (and before authentication, which reads none either); a body
 * without one (chunked) stops with 413 as soon as it passes the limit. Contract files and calendar files have their
 * own limit ({@code yanshou.limits.contract-file}, 2 MB), a batch of them ({@code POST /api/contracts:batch})
 * {@code yanshou.limits.batch} (20 MB); everything else under {@code /api} a small one
 * ({@code yanshou.limits.request}, 64 KB). An event sent with its documents ({@code multipart/form-data} to
 * {@code POST /api/contracts/{id}/events}) the multipart request limit ({@code spring.servlet.multipart.max-request-size});
 * each file is bounded again while it is read ({@code yanshou.limits.document}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {
    private final long fileLimit;
    private final long requestLimit;
    private final long uploadLimit;
    private final long batchLimit;

    RequestSizeFilter(@Value("${yanshou.limits.contract-file:2MB}") DataSize fileLimit,
                      @Value("${yanshou.limits.request:64KB}") DataSize requestLimit,
                      @Value("${spring.servlet.multipart.max-request-size:110MB}") DataSize uploadLimit,
                      @Value("${yanshou.limits.batch:20MB}") DataSize batchLimit) {
        this.batchLimit = batchLimit.toBytes();
        this.fileLimit = fileLimit.toBytes();
        this.requestLimit = requestLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
    }

    private static final java.util.regex.Pattern CALENDAR_YEARS = java.util.regex.Pattern.compile("/api/calendars/[^/]+/years");
    private static final java.util.regex.Pattern EVENTS = java.util.regex.Pattern.compile("/api/contracts/[^/]+/events");

    /** The limit for a request: files where files are sent, else the small one; none outside the API. */
    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) return -1;
        if ("POST".equals(request.getMethod()) && path.equals("/api/contracts:batch")) return batchLimit;
        boolean file = "POST".equals(request.getMethod())
                && (path.equals("/api/contracts") || CALENDAR_YEARS.matcher(path).matches());
        if (file) return fileLimit;
        String type = request.getContentType();
        boolean documents = "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && EVENTS.matcher(path).matches();
        return documents ? uploadLimit : requestLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (ServletException | RuntimeException e) {
            if (!isTooLarge(e) || response.isCommitted()) throw e;
            response.resetBuffer();
            tooLarge(response, limit);
        }
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof PayloadTooLargeException) return true;
        return false;
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, 413, "too-large", "The request is too large",
                "the body may hold at most " + (limit >= 10L << 20 ? DataSize.ofBytes(limit).toMegabytes() + " MB"
                        : DataSize.ofBytes(limit).toKilobytes() + " KB") + " here; nothing was stored");
    }

    /** A body that passed the limit while being read. */
    static final class PayloadTooLargeException extends IOException {
        final long limit;

        PayloadTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Counting(super.getInputStream(), limit);
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws IOException {
            if (n > 0 && (read += n) > limit) throw new PayloadTooLargeException(limit);
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override public boolean isFinished() { return in.isFinished(); }

        @Override public boolean isReady() { return in.isReady(); }

        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
