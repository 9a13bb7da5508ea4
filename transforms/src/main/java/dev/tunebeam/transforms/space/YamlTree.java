package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML document as YAML defines it. Jackson's reader (2.18) reads an alias ({@code
 * *tanh}) as the text of its name and stops after the first document; SnakeYAML's composer, which
 * Jackson itself uses, keeps anchors. So: the file is composed first; a second document is refused;
 * a document without aliases is read by Jackson directly (its number rules and messages); one with
 * aliases is built from the composed graph, aliases being the nodes they name, with the expanded
 * size bounded so a "billion laughs" file is one sentence.
 */
final class YamlTree {
  /**
   * Values a file may expand to, aliases counted at their full size: far beyond any real search
   * space.
   */
  static final int MAX_VALUES = 100_000;

  private static final Pattern INT = Pattern.compile("[-+]?\\d+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private long values;

  private YamlTree() {}

  /**
   * The document's root (null for an empty file); IllegalArgumentException for a second document or
   * a bomb.
   */
  static JsonNode read(byte[] content, ObjectMapper jackson) throws IOException {
    List<Node> documents = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(Integer.MAX_VALUE);
      options.setCodePointLimit(Math.max(content.length * 2, 1 << 20));
      Iterator<Node> it =
          new Yaml(options)
              .composeAll(
                  new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))
              .iterator();
      while (it.hasNext()) {
        documents.add(it.next());
        if (documents.size() > 1) {
          throw new IllegalArgumentException(
              "holds more than one YAML document (the second starts at line "
                  + (documents.get(1).getStartMark().getLine() + 1)
                  + ", after a '---'); keep the search space in one document");
        }
      }
    } catch (YAMLException e) {
      return jackson.readTree(content); // Jackson reports the syntax error in its words
    }
    if (documents.isEmpty()) {
      return null;
    }
    YamlTree tree = new YamlTree();
    if (!tree.hasAliases(documents.get(0), new IdentityHashMap<>())) {
      return jackson.readTree(content);
    }
    return tree.convert(documents.get(0));
  }

  private boolean hasAliases(Node node, Map<Node, Boolean> seen) {
    if (seen.put(node, true) != null) {
      return true;
    }
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (hasAliases(t.getKeyNode(), seen) || hasAliases(t.getValueNode(), seen)) {
          return true;
        }
      }
    } else if (node instanceof SequenceNode s) {
      for (Node n : s.getValue()) {
        if (hasAliases(n, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode convert(Node node) {
    count();
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode m) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        String key =
            t.getKeyNode() instanceof ScalarNode k
                ? k.getValue()
                : String.valueOf(convert(t.getKeyNode()));
        if (o.has(key)) {
          throw new IllegalArgumentException(
              "not valid YAML at line "
                  + (t.getKeyNode().getStartMark().getLine() + 1)
                  + ": Duplicate field '"
                  + key
                  + "'");
        }
        o.set(key, convert(t.getValueNode()));
      }
      return o;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode a = f.arrayNode();
      s.getValue().forEach(n -> a.add(convert(n)));
      return a;
    }
    ScalarNode s = (ScalarNode) node;
    String v = s.getValue();
    if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return f.textNode(v);
    }
    if (INT.matcher(v).matches()) {
      java.math.BigInteger b = new java.math.BigInteger(v);
      return b.bitLength() < 32
          ? f.numberNode(b.intValue())
          : b.bitLength() < 64 ? f.numberNode(b.longValue()) : f.numberNode(b);
    }
    if (FLOAT.matcher(v).matches()) {
      return f.numberNode(Double.parseDouble(v));
    }
    return switch (v) {
      case "true", "True", "TRUE" -> f.booleanNode(true);
      case "false", "False", "FALSE" -> f.booleanNode(false);
      case "null", "Null", "NULL", "~", "" -> f.nullNode();
      default -> f.textNode(v);
    };
  }

  private void count() {
    if (++values > MAX_VALUES) {
      throw new IllegalArgumentException(
          "expands to more than "
              + MAX_VALUES
              + " values (aliases counted at their full size); "
              + "a search space is far smaller: remove the repeated aliases");
    }
  }
}
