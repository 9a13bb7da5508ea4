package dev.tunebeam.transforms.space;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the tree of one YAML document the way YAML defines it. Jackson's own tree reader reads
 * an alias ({@code *tanh}) as the text of its name and stops after the first document; here an
 * alias is the node its anchor marked, a second document is refused, and the tree an alias
 * expands to is bounded, so a "billion laughs" file is one sentence instead of an exhausted heap.
 */
final class YamlTree {
  /** Values a file may expand to, aliases counted at their full size: far beyond any real search space. */
  static final int MAX_VALUES = 100_000;

  private final JsonParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final Map<String, Long> anchorSizes = new HashMap<>();
  private long values;

  private YamlTree(JsonParser parser) {
    this.parser = parser;
  }

  /** The document's root (null for an empty file); IllegalArgumentException for a second document or a bomb. */
  static JsonNode read(JsonParser parser) throws IOException {
    YamlTree tree = new YamlTree(parser);
    JsonToken first = parser.nextToken();
    if (first == null) {
      return null;
    }
    JsonNode root = tree.value(first);
    if (parser.nextToken() != null) {
      throw new IllegalArgumentException("holds more than one YAML document (a second '---' at line "
          + parser.currentLocation().getLineNr() + "); keep the search space in one document");
    }
    return root;
  }

  private JsonNode value(JsonToken token) throws IOException {
    String anchor = parser.getObjectId() instanceof String s ? s : null;
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(parser.getText());
    }
    long before = values;
    JsonNode node = switch (token) {
      case START_OBJECT -> mapping();
      case START_ARRAY -> sequence();
      default -> scalar(token);
    };
    count(1);
    if (anchor != null) {
      anchors.put(anchor, node);
      anchorSizes.put(anchor, values - before);
    }
    return node;
  }

  private JsonNode alias(String name) {
    JsonNode node = anchors.get(name);
    if (node == null) {
      throw new IllegalArgumentException("alias *" + name + " has no anchor &" + name + " before it");
    }
    count(anchorSizes.get(name));
    return node;
  }

  private ObjectNode mapping() throws IOException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      node.set(key, value(parser.nextToken()));
    }
    return node;
  }

  private ArrayNode sequence() throws IOException {
    ArrayNode node = JsonNodeFactory.instance.arrayNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      node.add(value(t));
    }
    return node;
  }

  private JsonNode scalar(JsonToken token) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (token) {
      case VALUE_STRING -> f.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> f.numberNode(parser.getIntValue());
        case LONG -> f.numberNode(parser.getLongValue());
        default -> f.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> f.booleanNode(true);
      case VALUE_FALSE -> f.booleanNode(false);
      case VALUE_NULL -> f.nullNode();
      default -> throw new IllegalArgumentException("unexpected YAML token " + token + " at line " + parser.currentLocation().getLineNr());
    };
  }

  private void count(long n) {
    values += n;
    if (values > MAX_VALUES) {
      throw new IllegalArgumentException("expands to more than " + MAX_VALUES + " values (aliases counted at their full size); "
          + "a search space is far smaller: remove the repeated aliases");
    }
  }
}
