package tw.yanshou.document;

import org.springframework.http.HttpStatus;

/**
 * A file refused before anything of its event is stored: too large (413), of a type not allowed (415), empty or
 * sent twice (422). Names the multipart part and the file as sent; {@link #reason} is a message key for pages.
 */
public class DocumentRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String part;
    private final String fileName;
    private final String reason;
    private final Object[] args;

    DocumentRefusedException(HttpStatus status, String part, String fileName, String reason, String message, Object... args) {
        super(message);
        this.status = status;
        this.part = part;
        this.fileName = fileName;
        this.reason = reason;
        this.args = args;
    }

    public HttpStatus status() { return status; }

    public String part() { return part; }

    public String fileName() { return fileName; }

    /** The message key ({@code document.refused.*}) pages show next to the file field. */
    public String reason() { return reason; }

    public Object[] args() { return args.clone(); }
}
