package dev.rapport.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** rapport-bom names every module Rapport publishes, at the build's own version, and nothing else. */
class BomTest {
    private static final Path ROOT = Path.of("..");
    /** Built by the reactor, never published: the aggregators, the BOM itself, the docs and the example plugin. */
    private static final Set<String> UNPUBLISHED = Set.of("rapport-parent", "rapport-plugins", "rapport-bom",
            "rapport-docs", "chat-room-notifier");

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Element bom = pom(ROOT.resolve("bom/pom.xml"));
        String version = child(pom(ROOT.resolve("pom.xml")), "version");

        var managed = new TreeSet<String>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("dev.rapport");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            managed.add(child(dependency, "artifactId"));
        }

        assertThat(child(bom, "artifactId")).isEqualTo("rapport-bom");
        assertThat(child(bom, "version")).isEqualTo(version);
        assertThat(managed).isEqualTo(publishedModules(ROOT));
    }

    private static Set<String> publishedModules(Path aggregator) throws Exception {
        var found = new TreeSet<String>();
        Element pom = pom(aggregator.resolve("pom.xml"));
        String artifactId = child(pom, "artifactId");
        if (!UNPUBLISHED.contains(artifactId)) {
            found.add(artifactId);
        }
        for (String module : modules(pom)) {
            found.addAll(publishedModules(aggregator.resolve(module)));
        }
        return found;
    }

    private static List<String> modules(Element pom) {
        var modules = new ArrayList<String>();
        NodeList nodes = pom.getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().strip());
        }
        return modules;
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** The text of {@code element}'s own child {@code name}, not of a nested one (the parent's version, say). */
    private static String child(Element element, String name) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + name);
    }
}
