package tw.yanshou.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import tw.yanshou.calculus.Violation;

/**
 * A request body read as text when the caller is known to be allowed (after the access check), within the limit the
 * {@link RequestSizeFilter} sets, as strict UTF-8: bytes that are not UTF-8 are refused, never turned into U+FFFD.
 */
public final class RequestBodies {
    private RequestBodies() { }

    public static String utf8(HttpServletRequest request) {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            if (e instanceof RequestSizeFilter.PayloadTooLargeException tooLarge) throw new UncheckedIOException(tooLarge);
            throw new UncheckedIOException("the request body could not be read", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(java.util.List.of(Violation.unreadable("$",
                    "the body is not valid UTF-8 text; save the file as UTF-8")));
        }
    }
}
