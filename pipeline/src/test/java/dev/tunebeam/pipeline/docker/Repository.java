package dev.tunebeam.pipeline.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The checkout the tests run in: its root, the parent pom's properties, the jars the build writes.
 */
final class Repository {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([\\w.]+)}");

  final Path root;

  private Repository(Path root) {
    this.root = root;
  }

  /**
   * Surefire runs in a module folder; the root is the nearest folder above with docker/ and a pom.
   */
  static Repository find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("docker"))
            && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no repository root with docker/ and pom.xml above " + Path.of("").toAbsolutePath());
    }
    return new Repository(dir);
  }

  /** The parent pom's properties, with ${...} references between them resolved. */
  Map<String, String> properties() throws Exception {
    Map<String, String> raw = new LinkedHashMap<>();
    Element props =
        (Element) pom(root.resolve("pom.xml")).getElementsByTagName("properties").item(0);
    NodeList children = props.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e) {
        raw.put(e.getTagName(), e.getTextContent().trim());
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    raw.forEach((k, v) -> resolved.put(k, resolve(v, raw)));
    return resolved;
  }

  /**
   * What a shade execution of a module writes, as repository-relative paths, with its main class.
   */
  record ShadedJar(String path, String mainClass) {}

  List<ShadedJar> shadedJars(String module) throws Exception {
    Document pom = pom(root.resolve(module).resolve("pom.xml"));
    String mainClass = text(pom.getElementsByTagName("mainClass"));
    List<ShadedJar> jars = new ArrayList<>();
    NodeList outputs = pom.getElementsByTagName("outputFile");
    for (int i = 0; i < outputs.getLength(); i++) {
      String file =
          outputs
              .item(i)
              .getTextContent()
              .trim()
              .replace("${project.build.directory}", module + "/target");
      jars.add(new ShadedJar(file, mainClass));
    }
    return jars;
  }

  private static String text(NodeList nodes) {
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String resolve(String value, Map<String, String> properties) {
    String v = value;
    for (int guard = 0; guard < 10; guard++) {
      Matcher m = PROPERTY.matcher(v);
      if (!m.find()) {
        return v;
      }
      v =
          m.replaceAll(
              r -> Matcher.quoteReplacement(properties.getOrDefault(r.group(1), r.group())));
    }
    return v;
  }

  /**
   * .dockerignore as Docker applies it: patterns in order, the last one that matches decides, !
   * keeps.
   */
  boolean dockerIgnores(String path) throws IOException {
    Path file = root.resolve(".dockerignore");
    if (!Files.exists(file)) {
      return false;
    }
    boolean ignored = false;
    for (String line : Files.readAllLines(file)) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean keep = pattern.startsWith("!");
      String glob = keep ? pattern.substring(1) : pattern;
      if (globMatches(glob, path)) {
        ignored = !keep;
      }
    }
    return ignored;
  }

  /**
   * Docker's patterns: ** any folders, * within one name, ? one character; a folder match covers
   * what is inside.
   */
  static boolean globMatches(String glob, String path) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return path.matches(regex + "(/.*)?");
  }
}
