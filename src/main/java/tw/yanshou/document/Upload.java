package tw.yanshou.document;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.Part;

/**
 * A file as it came in a multipart request (kept on disk by the container until the request ends): the part's name,
 * the name the sender gave it, its size and a way to read it (more than once: a retried transaction reads it again).
 */
public record Upload(String part, String submittedName, long size, Source source) {
    @FunctionalInterface
    public interface Source { InputStream open() throws IOException; }

    public static Upload of(Part part) {
        return new Upload(part.getName(), part.getSubmittedFileName(), part.getSize(), part::getInputStream);
    }

    public static Upload of(String part, MultipartFile file) {
        return new Upload(part, file.getOriginalFilename(), file.getSize(), file::getInputStream);
    }
}
