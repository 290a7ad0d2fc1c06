package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A picture parsed as XML (which also proves it well-formed), with the queries the tests share. */
final class SvgDoc {

    final Document document;

    SvgDoc(String svg) {
        try {
            this.document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** The elements {@code xpath} selects, in document order. */
    List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** The one element {@code xpath} selects; fails if there is none or several. */
    Element one(String xpath) {
        List<Element> elements = all(xpath);
        assertTrue(elements.size() == 1, xpath + " selects " + elements.size() + " elements");
        return elements.get(0);
    }

    /** The first {@code <tag>} inside {@code element}. */
    static Element first(Element element, String tag) {
        return (Element) element.getElementsByTagName(tag).item(0);
    }

    double width() {
        return Double.parseDouble(document.getDocumentElement().getAttribute("viewBox").split(" ")[2]);
    }

    double height() {
        return Double.parseDouble(document.getDocumentElement().getAttribute("viewBox").split(" ")[3]);
    }

    /**
     * Fails if a rectangle, or a text measured as monospace at 0.61 em a character, reaches
     * outside the viewBox: the picture would be cut off, or need a scroll bar.
     */
    void assertNothingOverflows() {
        double width = width();
        double height = height();
        for (Element rect : all("//*[local-name()='rect']")) {
            double x = number(rect, "x");
            double y = number(rect, "y");
            assertTrue(x >= 0 && x + number(rect, "width") <= width + 0.01, "rect beyond the width " + width + ": " + describe(rect));
            assertTrue(y >= 0 && y + number(rect, "height") <= height + 0.01, "rect beyond the height " + height + ": " + describe(rect));
        }
        for (Element text : all("//*[local-name()='text']")) {
            double size = fontSize(text);
            double length = text.getTextContent().length() * size * Svg.CHAR_WIDTH_EM;
            double x = number(text, "x");
            for (Element tspan : all(".//*[local-name()='tspan'][@dx]", text)) {
                length += number(tspan, "dx");
            }
            String anchor = text.getAttribute("text-anchor");
            double left = anchor.equals("middle") ? x - length / 2 : anchor.equals("end") ? x - length : x;
            assertTrue(left >= 0 && left + length <= width + 0.01,
                    "text '" + text.getTextContent() + "' runs from " + left + " to " + (left + length) + ", beyond " + width);
            assertTrue(number(text, "y") <= height, "text below the picture: " + text.getTextContent());
        }
    }

    private List<Element> all(String xpath, Node context) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    private static double fontSize(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("font-size")) {
                return Double.parseDouble(e.getAttribute("font-size"));
            }
        }
        return 16;
    }

    static double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static String describe(Element element) {
        StringBuilder text = new StringBuilder("<" + element.getTagName());
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            text.append(' ').append(element.getAttributes().item(i));
        }
        return text.append('>').toString();
    }
}
