package isolab.web.player;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A step's Markdown prose as HTML for the page. Raw HTML in the Markdown is escaped and link
 * targets are sanitised, so a lab cannot put script on the page.
 */
public final class Narrative {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Narrative() {
    }

    /** One line of {@code markdown} (a question, a title) as safe inline HTML, without the paragraph. */
    public static String inlineHtml(String markdown) {
        String html = html(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** {@code markdown} rendered as safe HTML. */
    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
