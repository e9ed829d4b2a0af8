package tw.yanshou.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem bodies: built for controllers, written straight to the response for filters. */
public final class Problems {
    /** Where the problem types are described ({@code type} of every body). */
    public static final String TYPES = "https://yanshou.tw/problems/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Problems() { }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        return p;
    }

    /** Writes a problem body where no controller answers (authentication and authorization filters). */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) response.setHeader("WWW-Authenticate", "Bearer");
        ProblemDetail p = problem(HttpStatus.valueOf(status), type, title, detail);
        JSON.writeValue(response.getWriter(), p);
    }
}
