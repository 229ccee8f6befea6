package org.openkiosk.app.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/** The payload schemas of docs/fleet-asyncapi.yaml, for tests that check real payloads against them. */
public final class AsyncApiSchemas {

    public static final Path ASYNCAPI = Path.of("..", "docs", "fleet-asyncapi.yaml");

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private AsyncApiSchemas(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiSchemas load() {
        try {
            return new AsyncApiSchemas(new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** What is wrong with {@code payload} as a {@code schemaName} (components/schemas), empty when it is valid. */
    public Set<ValidationMessage> validate(String schemaName, JsonNode payload) {
        return factory.getSchema(schemaRoot(schemaName)).validate(payload);
    }

    /** A schema document whose root refers to one payload schema, resolving refs within the AsyncAPI components. */
    private JsonNode schemaRoot(String name) {
        ObjectNode root = FleetJson.MAPPER.createObjectNode();
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", document.path("components").deepCopy());
        return root;
    }
}
