package io.tidings.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the features repository promises, read from its source: production gets no devbox. */
public class FeaturesTest {

    private static final Map<String, Element> FEATURES = new HashMap<>();

    static {
        try {
            File file = new File(System.getProperty("user.dir"), "../features/src/main/feature/feature.xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList features = factory.newDocumentBuilder().parse(file).getDocumentElement()
                    .getElementsByTagNameNS("*", "feature");
            for (int i = 0; i < features.getLength(); i++) {
                Element feature = (Element) features.item(i);
                if (feature.hasAttribute("name")) {
                    FEATURES.put(feature.getAttribute("name"), feature);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundles a feature installs, with those of the features it includes (not conditionals). */
    private static Set<String> bundles(String name, Set<String> seen) {
        Set<String> bundles = new LinkedHashSet<>();
        Element feature = FEATURES.get(name);
        if (feature == null || !seen.add(name)) {
            return bundles; // a Karaf feature, or one already counted
        }
        NodeList children = feature.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                if (child.getLocalName().equals("bundle")) {
                    bundles.add(child.getTextContent().trim());
                } else if (child.getLocalName().equals("feature")) {
                    bundles.addAll(bundles(child.getTextContent().trim(), seen));
                }
            }
        }
        return bundles;
    }

    @Test
    public void theProductionFeatureHasNoDevboxAndTheDemoHasIt() {
        Set<String> production = bundles("tidings", new LinkedHashSet<>());
        assertTrue(production.toString(), production.stream().anyMatch(b -> b.contains("tidings-core/")));
        assertFalse("the devbox would mark SMS with no SMS channel SENT into memory: " + production,
                production.stream().anyMatch(b -> b.contains("tidings-channel-devbox")));
        assertTrue(bundles("tidings-demo", new LinkedHashSet<>()).stream()
                .anyMatch(b -> b.contains("tidings-channel-devbox")));
    }
}
