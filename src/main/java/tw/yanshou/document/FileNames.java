package tw.yanshou.document;

import java.text.Normalizer;

/**
 * A file name fit to store and to send back: only the last segment of a path (either slash), NFC, without control,
 * format (bidi overrides, zero-width) or other invisible characters, without leading dots or spaces, at most
 * {@value #MAX} characters (the extension kept); "document" when nothing is left.
 */
final class FileNames {
    static final int MAX = 200;

    private FileNames() { }

    static String safe(String submitted) {
        if (submitted == null) return "document";
        String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (cut >= 0) name = name.substring(cut + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (invisible) return;
            if (c == '"' || c == ':' || c == '*' || c == '?' || c == '<' || c == '>' || c == '|') out.append('_');
            else out.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        });
        String cleaned = out.toString().strip().replaceAll("^[. ]+", "");
        if (cleaned.isEmpty()) return "document";
        if (cleaned.codePointCount(0, cleaned.length()) > MAX) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            String stem = cleaned.substring(0, cleaned.length() - ext.length());
            stem = stem.substring(0, stem.offsetByCodePoints(0, MAX - ext.codePointCount(0, ext.length())));
            cleaned = stem + ext;
        }
        return cleaned;
    }
}
