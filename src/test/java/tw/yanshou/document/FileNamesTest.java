package tw.yanshou.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names as stored and sent back: the last path segment, NFC, nothing invisible, bounded. */
class FileNamesTest {

    @Test
    void pathsAreCutToTheirLastSegmentWhicheverSlash() {
        assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.safe("C:\\Users\\chen\\報告.pdf")).isEqualTo("報告.pdf");
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreRemoved() {
        // "report<RLO>fdp.exe" would show as "reportexe.pdf"
        assertThat(FileNames.safe("report\u202efdp.exe")).isEqualTo("reportfdp.exe");
        assertThat(FileNames.safe("a\u0000b\u0007c\u200b\ufeff.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.safe("line\r\nbreak.txt")).isEqualTo("linebreak.txt");
    }

    @Test
    void nfcAndCharactersThatQuoteOrGlobAreReplaced() {
        // e + combining acute (2 code points) is é (1) in NFC
        assertThat(FileNames.safe("cafe\u0301.txt")).isEqualTo("caf\u00e9.txt");
        assertThat(FileNames.safe("a\"b:c*?.pdf")).isEqualTo("a_b_c__.pdf");
    }

    @Test
    void leadingDotsAreDroppedAndNothingLeftIsDocument() {
        assertThat(FileNames.safe(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.safe("\u202e\u200b")).isEqualTo("document");
        assertThat(FileNames.safe(null)).isEqualTo("document");
        assertThat(FileNames.safe("dir/")).isEqualTo("document");
    }

    @Test
    void longNamesKeepTheirExtensionWithinTheBound() {
        String name = "測".repeat(300) + ".pdf";
        String safe = FileNames.safe(name);
        assertThat(safe.codePointCount(0, safe.length())).isEqualTo(FileNames.MAX);
        assertThat(safe).endsWith(".pdf").startsWith("測測測");
    }
}
