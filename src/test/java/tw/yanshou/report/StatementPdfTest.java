package tw.yanshou.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A character the bundled font does not have is never dropped silently. */
class StatementPdfTest {
    final StatementPdf pdf = new StatementPdf(null, null, List.of());

    @Test
    void findsTheCharactersNoFontCovers() {
        // 違約金 and 〔〕 are Big5, so in the subset; 堃 (U+5803) is not in Big5 nor in Noto Sans TC; ✗ (U+2717) is not in the font
        assertThat(pdf.missing("<p>違約金〔〕 堃 ✗ ×‰</p>")).containsExactly(0x2717, 0x5803);
    }

    @Test
    void writesThemAsCodesAndSaysSoOnTheFirstPage() {
        String html = StatementPdf.replaceMissing("<html><body class=\"x\"><p>林堃</p></body></html>",
                pdf.missing("林堃"), "missing: U+5803 <&>");
        assertThat(html).isEqualTo("<html><body class=\"x\"><p class=\"missing-glyphs\">missing: U+5803 &lt;&amp;&gt;</p>"
                + "<p>林〔U+5803〕</p></body></html>");
    }
}
