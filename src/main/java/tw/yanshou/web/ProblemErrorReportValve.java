package tw.yanshou.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat itself refuses before any of our code runs (a request line or URL it cannot parse, a header too large):
 * an RFC 9457 problem body like every other refusal, never Tomcat's HTML page with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        try {
            String title = switch (status) {
                case 400 -> "The request cannot be read";
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 413 -> "The request is too large";
                case 414 -> "The URL is too long";
                case 431 -> "The request's headers are too large";
                default -> status >= 500 ? "The server could not answer" : "The request was refused";
            };
            String detail = status == 400 ? "the request line, its URL or a header is malformed (e.g. a bad %-escape)" : title;
            SecurityHeaders.writeTo(response, request.isSecure());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String body = "{\"type\":\"" + Problems.TYPES + (status == 400 ? "unreadable" : "http-" + status)
                    + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
            var writer = response.getReporter();   // the writer Tomcat allows after an error
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
