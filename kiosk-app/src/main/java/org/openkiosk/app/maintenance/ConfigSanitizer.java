package org.openkiosk.app.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Copies a YAML configuration file for a diagnostics bundle with every secret replaced by {@value #REMOVED}:
 * passwords, the PIN hash, tokens, API and private keys, and in URLs the user information and secret
 * parameters ({@link UrlSecrets}). The YAML is re-written from
 * its parsed tree, so nothing in a comment or an odd layout can slip through; a file that does not parse is
 * left out entirely.
 */
public final class ConfigSanitizer {

    public static final String REMOVED = "<removed>";
    private static final List<String> SECRET_KEY_PARTS = List.of("password", "passwd", "secret", "pinhash", "apikey",
            "privatekey", "credential");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://)[^/@\\s:]+:[^/@\\s]+@");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** The sanitised YAML text, or a one-line note why the file was left out. */
    public String sanitize(String fileName, String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (IOException e) {
            return "# " + fileName + " was left out: it is not valid YAML (" + firstLine(e.getMessage()) + ")\n";
        }
        if (root == null || root.isMissingNode()) {
            return "# " + fileName + " is empty\n";
        }
        JsonNode clean = clean(root, null);
        try {
            return "# " + fileName + ", secrets replaced by " + REMOVED + ", comments dropped\n"
                    + yaml.writeValueAsString(clean);
        } catch (IOException e) {
            return "# " + fileName + " was left out: " + firstLine(e.getMessage()) + "\n";
        }
    }

    static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return k.equals("token") || k.endsWith("token") && !k.endsWith("tokenenvironment")
                || SECRET_KEY_PARTS.stream().anyMatch(k::contains);
    }

    private JsonNode clean(JsonNode node, String key) {
        if (key != null && isSecretKey(key) && !node.isNull()) {
            return TextNode.valueOf(REMOVED);
        }
        if (node.isObject()) {
            ObjectNode copy = yaml.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), clean(field.getValue(), field.getKey()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = yaml.createArrayNode();
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            items.forEach(item -> copy.add(clean(item, null)));
            return copy;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(UrlSecrets.strip(URL_CREDENTIALS.matcher(node.asText()).replaceAll("$1" + REMOVED + "@")));
        }
        return node;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
